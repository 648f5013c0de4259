using Printernizer.Bridge.Configuration;

namespace Printernizer.Bridge.UnitTests.Configuration;

public sealed class BridgeConfigLoaderFileTests
{
    [Fact]
    public void Load_MissingFile_SaysNotFoundWithFullPath()
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf("config.yaml");

        var result = new BridgeConfigLoader().Load(path, _ => null, ConfigTestTypes.Registry());

        var problem = Assert.Single(result.Problems);
        Assert.Equal($"{path}: file not found (looked for {path})", problem.ToString());
    }

    [Fact]
    public void Load_Directory_SaysItIsNotAFile()
    {
        using var dir = new TempDirectory();

        var result = new BridgeConfigLoader().Load(dir.Path, _ => null, ConfigTestTypes.Registry());

        Assert.Equal($"{dir.Path}: is a directory; expected a YAML file", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void Load_EmptyFile_SaysTheFileIsEmpty()
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf("config.yaml");
        File.WriteAllText(path, string.Empty);

        var result = new BridgeConfigLoader().Load(path, _ => null, ConfigTestTypes.Registry());

        Assert.StartsWith($"{path}: the file is empty", Assert.Single(result.Problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ValidFile_ProblemsNameThatFile()
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf("bridge.yaml");
        File.WriteAllText(path, "printers: []\ncontrol: perhaps\n");

        var result = new BridgeConfigLoader().Load(path, _ => null, ConfigTestTypes.Registry());

        Assert.Equal($"{path}:2: control: expected true or false", Assert.Single(result.Problems).ToString());
    }
}
