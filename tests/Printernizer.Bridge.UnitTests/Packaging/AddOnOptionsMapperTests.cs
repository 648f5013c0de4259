using System.Text.Json;
using System.Text.RegularExpressions;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Hosting.AddOn;
using Printernizer.Bridge.Printers;
using Printernizer.Bridge.Printers.Prusa;

namespace Printernizer.Bridge.UnitTests.Packaging;

/// <summary>options.json to the config.yaml form: values survive the trip unchanged, option paths map back.</summary>
public sealed partial class AddOnOptionsMapperTests
{
    [Theory]
    [InlineData("no")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("0123")]
    [InlineData("true")]
    [InlineData("- item")]
    [InlineData("a: b # not a comment")]
    [InlineData("'single' and \"double\"")]
    [InlineData("two\nlines")]
    [InlineData("Drucker ünd Ümlaute ✓")]
    [InlineData("  padded  ")]
    public void Map_StringThatLooksLikeAnotherYamlValue_StaysTheSameString(string name)
    {
        var config = LoadValid(new Dictionary<string, object?> { ["printers"] = new[] { Prusa(("name", name), ("password", name + "-pw")) } });

        var printer = Assert.Single(config.Printers);
        Assert.Equal(name, printer.Name);
        Assert.Equal(name + "-pw", Assert.IsType<PrusaSettings>(printer.Settings).Password);
    }

    [Fact]
    public void Map_ClearedOptionalFields_CountAsUnset()
    {
        var config = LoadValid(new Dictionary<string, object?> { ["printers"] = new[] { Prusa(("name", ""), ("password", ""), ("api_key", "key-1234"), ("port", null)) } });

        var printer = Assert.Single(config.Printers);
        Assert.Equal(("mk4", 80), (printer.Name, printer.Port));
        Assert.Equal((null, "key-1234"), (((PrusaSettings)printer.Settings).Password, ((PrusaSettings)printer.Settings).ApiKey));
    }

    [Fact]
    public void Map_EnvironmentReference_ExpandedAsInConfigYaml()
    {
        var options = new Dictionary<string, object?> { ["printers"] = new[] { Prusa(("password", "${MK4_PASSWORD}")) } };

        var result = Load(options, name => name == "MK4_PASSWORD" ? "from-env" : null);

        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        Assert.Equal("from-env", ((PrusaSettings)Assert.Single(result.Config.Printers).Settings).Password);
    }

    [Theory]
    [InlineData("mqtt.base_topic", "base_topic")]
    [InlineData("mqtt.discovery_prefix", "discovery_prefix")]
    [InlineData("mqtt.client_id", "client_id")]
    [InlineData("printers[2].port", "printers[2].port")]
    [InlineData("log_level", "log_level")]
    [InlineData("mqtt.url", null)]
    [InlineData("mqtt.username", null)]
    [InlineData("mqtt.password", null)]
    public void OptionPathOf_ConfigKeyPath_IsTheOptionsPathOrNullForTheBroker(string configPath, string? optionPath)
    {
        Assert.Equal(optionPath, AddOnOptionsMapper.OptionPathOf(configPath));
    }

    [Fact]
    public void Schema_PrinterFieldsAreExactlyTheKeysTheLoaderKnowsForSomeType()
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in PrinterTypeCatalog.CreateRegistry().Names)
        {
            var options = new Dictionary<string, object?>
            {
                ["printers"] = new[] { new Dictionary<string, object?> { ["id"] = "p", ["type"] = type, ["host"] = "10.0.0.9", ["zzzzzzzzzz"] = "x" } },
            };
            var unknown = Assert.Single(Load(options, _ => null).Problems, p => p.KeyPath == "printers[0].zzzzzzzzzz");
            known.UnionWith(KnownKeys().Match(unknown.Message).Groups["keys"].Value.Split(", "));
        }

        Assert.Equal(known.Order(StringComparer.Ordinal), AddOnFiles.PrinterSchema.Keys.Order(StringComparer.Ordinal));
    }

    private static Dictionary<string, object?> Prusa(params (string Key, object? Value)[] fields)
    {
        var printer = new Dictionary<string, object?> { ["id"] = "mk4", ["type"] = "prusa", ["host"] = "192.168.1.60" };
        foreach (var (key, value) in fields)
        {
            printer[key] = value;
        }

        return printer;
    }

    private static BridgeConfig LoadValid(Dictionary<string, object?> options)
    {
        var result = Load(options, _ => null);
        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        return result.Config;
    }

    private static ConfigLoadResult Load(Dictionary<string, object?> options, Func<string, string?> env)
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(options));
        var yaml = AddOnOptionsMapper.Map(json.RootElement, new SupervisorMqttService("core-mosquitto", 1883, false, null, null), "/data", out _);
        return new BridgeConfigLoader().Parse(JsonYamlNodes.ToText(yaml), "/data/options.json", env, PrinterTypeCatalog.CreateRegistry());
    }

    [GeneratedRegex(@"known keys: (?<keys>[^)]+)\)")]
    private static partial Regex KnownKeys();
}
