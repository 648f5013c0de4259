using System.Text.RegularExpressions;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Hosting;
using Printernizer.Bridge.Printers;
using YamlDotNet.RepresentationModel;

namespace Printernizer.Bridge.UnitTests.Packaging;

/// <summary>
/// Docker cannot run where the tests run, so the root <c>Dockerfile</c> is checked by reading it:
/// the instructions the image's behaviour depends on must stay in place.
/// </summary>
public sealed class ContainerImageTests
{
    private static readonly List<DockerfileInstruction> Instructions = DockerfileInstruction.Parse(RepositoryFiles.Read("Dockerfile"));

    private static int FinalStage => Instructions.Max(i => i.Stage);

    [Fact]
    public void Dockerfile_BuildsWithTheSdkAndRunsOnTheRuntimeOfTheTargetFramework()
    {
        var froms = Instructions.Where(i => i.Keyword == "FROM").ToList();
        var major = Regex.Match(RepositoryFiles.Read("Directory.Build.props"), @"<TargetFramework>net(?<v>\d+\.\d+)</TargetFramework>").Groups["v"].Value;

        Assert.True(froms.Count >= 2, "expected a multi-stage build");
        Assert.Matches($@"mcr\.microsoft\.com/dotnet/sdk:{Regex.Escape(major)} AS build$", froms[0].Arguments);
        Assert.Matches($@"^mcr\.microsoft\.com/dotnet/(runtime|runtime-deps):{Regex.Escape(major)}$", froms[^1].Arguments);
        Assert.Contains(Final("COPY"), c => c.Arguments.StartsWith("--from=build /app ", StringComparison.Ordinal));
    }

    [Fact]
    public void FinalStage_RunsAsANonRootUser()
    {
        var user = Assert.Single(Final("USER")).Arguments;

        Assert.DoesNotMatch(@"^(root|0)(:|$)", user);
        var userIndex = Instructions.FindIndex(i => i.Keyword == "USER" && i.Stage == FinalStage);
        Assert.DoesNotContain(Instructions.Skip(userIndex), i => i.Keyword == "RUN");
    }

    [Fact]
    public void FinalStage_ConfigAndStateAreVolumes()
    {
        var volumes = Final("VOLUME").SelectMany(v => v.Arguments.StartsWith('[') ? v.ExecForm() : v.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(["/config", "/data"], volumes.Order(StringComparer.Ordinal));
        Assert.Contains(Final("RUN"), r => r.Arguments.Contains("/data", StringComparison.Ordinal) && r.Arguments.Contains("chown", StringComparison.Ordinal));
    }

    [Fact]
    public void FinalStage_StopsOnSigterm()
    {
        Assert.Equal("SIGTERM", Assert.Single(Final("STOPSIGNAL")).Arguments);
    }

    [Fact]
    public void FinalStage_HealthCheckRunsTheBridgesHealthModeOnTheMountedConfig()
    {
        var healthCheck = Assert.Single(Final("HEALTHCHECK"));

        Assert.Contains(" CMD [", healthCheck.Arguments, StringComparison.Ordinal);
        Assert.Equal([.. EntryPoint(), "--health", "--config", "/config/config.yaml"], healthCheck.ExecForm());
    }

    [Fact]
    public void EntryPoint_StartsTheBridgeWithTheMountedConfig()
    {
        var entryPoint = EntryPoint();
        var arguments = Assert.Single(Final("CMD")).ExecForm();

        Assert.Equal(["dotnet", "/app/Printernizer.Bridge.dll"], entryPoint);
        Assert.Equal("/app", Final("WORKDIR").Last().Arguments);
        var options = CommandLineOptions.Parse(arguments, out var error);
        Assert.Null(error);
        Assert.Equal(("/config/config.yaml", false), (options.ConfigPath, options.CheckConfig));
    }

    [Fact]
    public void CopySources_ExistAndAreNotDockerIgnored()
    {
        var ignore = new DockerIgnore(RepositoryFiles.Read(".dockerignore"));
        var sources = Instructions
            .Where(i => i.Keyword == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal))
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1])
            .ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, source =>
        {
            Assert.True(File.Exists(RepositoryFiles.PathOf(source)) || Directory.Exists(RepositoryFiles.PathOf(source)), $"{source} does not exist");
            Assert.False(ignore.Excludes(source), $"{source} is excluded by .dockerignore");
        });
        Assert.True(ignore.Excludes("src/Printernizer.Bridge/obj/project.assets.json"), "obj/ from the host would break the restore in the image");
        Assert.True(ignore.Excludes("src/Printernizer.Bridge/bin/Debug/net10.0/Printernizer.Bridge.dll"));
        Assert.True(ignore.Excludes("tests/Printernizer.Bridge.UnitTests/Packaging/ContainerImageTests.cs"));
        Assert.False(ignore.Excludes("src/Printernizer.Bridge/Program.cs"));
    }

    [Fact]
    public void RestoreLayer_CopiesEveryProjectTheBridgeReferences()
    {
        var copied = Instructions.Where(i => i.Keyword == "COPY").SelectMany(i => i.Arguments.Split(' ')).Where(a => a.EndsWith(".csproj", StringComparison.Ordinal)).ToList();
        var bridgeProject = Path.Combine("src", "Printernizer.Bridge", "Printernizer.Bridge.csproj");
        var references = new[] { bridgeProject }.Concat(
            Regex.Matches(RepositoryFiles.Read(bridgeProject), "<ProjectReference Include=\"(?<p>[^\"]+)\"")
                .Select(m => Path.GetRelativePath(RepositoryFiles.Root, Path.GetFullPath(Path.Combine(RepositoryFiles.Root, "src", "Printernizer.Bridge", m.Groups["p"].Value)))));

        Assert.All(references, project => Assert.Contains(project.Replace('\\', '/'), copied));
    }

    [Fact]
    public void DefaultConfig_EnablesTheHealthListenerAndIsValidWithTheImagesEnvironment()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(RepositoryFiles.Read("docker", "config.yaml")));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var http = Assert.IsType<YamlMappingNode>(root.Children[new YamlScalarNode("http")]);
        Assert.Matches(@"^127\.0\.0\.1:\d+$", Assert.IsType<YamlScalarNode>(http.Children[new YamlScalarNode("listen")]).Value);
        var mqttUrl = Regex.Match(string.Join('\n', Final("ENV").Select(e => e.Arguments)), @"MQTT_URL=(?<url>\S+)").Groups["url"].Value;

        var result = new BridgeConfigLoader().Parse(RepositoryFiles.Read("docker", "config.yaml"), "/config/config.yaml", name => name == "MQTT_URL" ? mqttUrl : null, PrinterTypeCatalog.CreateRegistry());

        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        Assert.Equal(("mosquitto", 1883, "/data"), (result.Config.Mqtt.Host, result.Config.Mqtt.Port, result.Config.StateDir));
        Assert.NotNull(result.Config.Http);
    }

    private static IReadOnlyList<string> EntryPoint() => Assert.Single(Final("ENTRYPOINT")).ExecForm();

    private static List<DockerfileInstruction> Final(string keyword) =>
        Instructions.Where(i => i.Keyword == keyword && i.Stage == FinalStage).ToList();
}
