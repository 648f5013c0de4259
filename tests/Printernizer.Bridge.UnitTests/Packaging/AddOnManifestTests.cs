using System.Text.RegularExpressions;
using Printernizer.Bridge.Hosting.AddOn;

namespace Printernizer.Bridge.UnitTests.Packaging;

/// <summary>
/// <c>addon/config.yaml</c> against the Supervisor's manifest rules (supervisor/addons/validate.py):
/// required keys, allowed values, no key the Supervisor would silently drop, and an option
/// schema that accepts the defaults and the documented example.
/// </summary>
public sealed partial class AddOnManifestTests
{
    private static readonly string[] Architectures = ["armhf", "armv7", "aarch64", "amd64", "i386"];

    /// <summary>Keys of <c>_SCHEMA_ADDON_CONFIG</c> this add-on may use; anything else would be a typo the Supervisor drops.</summary>
    private static readonly string[] KnownKeys =
    [
        "name", "version", "slug", "description", "arch", "machine", "url", "startup", "boot", "init", "advanced", "stage",
        "ports", "ports_description", "watchdog", "webui", "host_network", "map", "environment", "services", "options",
        "schema", "image", "timeout", "tmpfs", "journald", "homeassistant", "hassio_api", "hassio_role", "apparmor",
    ];

    [Fact]
    public void Manifest_HasEveryKeyHomeAssistantRequires()
    {
        var manifest = AddOnFiles.Manifest;

        Assert.False(string.IsNullOrWhiteSpace(Assert.IsType<string>(manifest["name"])));
        Assert.False(string.IsNullOrWhiteSpace(Assert.IsType<string>(manifest["description"])));
        Assert.Matches(Slug(), Assert.IsType<string>(manifest["slug"]));
        Assert.Equal(ProjectVersion(), Assert.IsType<string>(manifest["version"]));
        var arch = Assert.IsType<List<object?>>(manifest["arch"]);
        Assert.NotEmpty(arch);
        Assert.All(arch, a => Assert.Contains(Assert.IsType<string>(a), Architectures));
    }

    [Fact]
    public void Manifest_OptionalKeysHaveValuesTheSupervisorAccepts()
    {
        var manifest = AddOnFiles.Manifest;

        Assert.Empty(manifest.Keys.Except(KnownKeys));
        Assert.Equal("application", manifest["startup"]);
        Assert.Equal("auto", manifest["boot"]);
        Assert.IsType<bool>(manifest["init"]);
        Assert.Contains(manifest["stage"], new object?[] { "stable", "experimental", "deprecated" });
        Assert.InRange(Assert.IsType<long>(manifest["timeout"]), 10, 300);
        var services = Assert.IsType<List<object?>>(manifest["services"]);
        Assert.All(services, s => Assert.Matches(@"^(mqtt|mysql):(provide|want|need)$", Assert.IsType<string>(s)));
        Assert.Contains("mqtt:need", services);
        Assert.All(Assert.IsType<List<object?>>(manifest["map"]), m => Assert.Matches(Volume(), Assert.IsType<string>(m)));
    }

    [Fact]
    public void Schema_EveryElementIsATypeTheSupervisorKnows()
    {
        Assert.Empty(HaOptionSchema.CheckSchema(AddOnFiles.Schema));
    }

    [Fact]
    public void Schema_AcceptsTheDefaultOptions()
    {
        var options = Assert.IsType<Dictionary<string, object?>>(AddOnFiles.Manifest["options"]);

        Assert.Empty(HaOptionSchema.Validate(AddOnFiles.Schema, options));
    }

    [Fact]
    public void Schema_AcceptsTheOptionsDocumentedInDocs()
    {
        var problems = HaOptionSchema.Validate(AddOnFiles.Schema, AddOnFiles.DocumentedOptions);

        Assert.Empty(problems);
    }

    [Fact]
    public void Schema_TopLevelOptionsAreExactlyThoseTheAddOnModeMaps()
    {
        Assert.Equal(AddOnOptionsMapper.KnownOptions.Order(StringComparer.Ordinal), AddOnFiles.Schema.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Schema_MatchesTheConfigLoadersLimits()
    {
        var printer = AddOnFiles.PrinterSchema;

        Assert.Equal("match(^[a-z0-9_-]{1,64}$)", printer["id"]);
        Assert.Equal("list(bambu_lab|prusa)", printer["type"]);
        Assert.Equal("list(verbose|debug|information|warning|error)", AddOnFiles.Schema["log_level"]);
    }

    [Fact]
    public void DefaultOptions_GiveAValidConfigWithoutPrinters()
    {
        var result = AddOnFiles.Load(Assert.IsType<Dictionary<string, object?>>(AddOnFiles.Manifest["options"]));

        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        Assert.Empty(result.Config.Printers);
        Assert.Equal(("printernizer", "homeassistant", "/data"), (result.Config.Mqtt.BaseTopic, result.Config.Mqtt.DiscoveryPrefix, result.Config.StateDir));
    }

    [Fact]
    public void DocumentedOptions_GiveAValidConfigWithBothPrinters()
    {
        var result = AddOnFiles.Load(AddOnFiles.DocumentedOptions);

        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        Assert.Equal(["bambu_lab", "prusa"], result.Config.Printers.Select(p => p.Type));
    }

    [Fact]
    public void Translations_NameAndDescribeEveryOptionAndNothingElse()
    {
        var configuration = Assert.IsType<Dictionary<string, object?>>(YamlValues.LoadMapping(RepositoryFiles.Read("addon", "translations", "en.yaml"))["configuration"]);

        Assert.Equal(AddOnFiles.Schema.Keys.Order(StringComparer.Ordinal), configuration.Keys.Order(StringComparer.Ordinal));
        Assert.All(configuration.Values, AssertNamed);
        var fields = Assert.IsType<Dictionary<string, object?>>(Assert.IsType<Dictionary<string, object?>>(configuration["printers"])["fields"]);
        Assert.Equal(AddOnFiles.PrinterSchema.Keys.Order(StringComparer.Ordinal), fields.Keys.Order(StringComparer.Ordinal));
        Assert.All(fields.Values, AssertNamed);
    }

    [Fact]
    public void BuildYaml_EveryArchitectureBuildsFromTheBridgeImageOfThisVersion()
    {
        var buildFrom = Assert.IsType<Dictionary<string, object?>>(YamlValues.LoadMapping(RepositoryFiles.Read("addon", "build.yaml"))["build_from"]);
        var arch = Assert.IsType<List<object?>>(AddOnFiles.Manifest["arch"]);

        Assert.Equal(arch.Cast<string>().Order(StringComparer.Ordinal), buildFrom.Keys.Order(StringComparer.Ordinal));
        Assert.All(buildFrom.Values, image =>
        {
            // RE_DOCKER_IMAGE_BUILD of the Supervisor.
            Assert.Matches(@"^([a-zA-Z\-\.:\d{}]+/)*?([\-\w{}]+)/([\-\w{}]+)(:[\.\-\w{}]+)?$", Assert.IsType<string>(image));
            Assert.EndsWith($":{ProjectVersion()}", (string)image!, StringComparison.Ordinal);
        });
    }

    private static void AssertNamed(object? translation)
    {
        var entry = Assert.IsType<Dictionary<string, object?>>(translation);
        Assert.False(string.IsNullOrWhiteSpace(entry["name"] as string));
        Assert.False(string.IsNullOrWhiteSpace(entry["description"] as string));
    }

    private static string ProjectVersion() =>
        Regex.Match(RepositoryFiles.Read("Directory.Build.props"), "<Version>(?<v>[^<]+)</Version>").Groups["v"].Value;

    [GeneratedRegex("^[-_.A-Za-z0-9]+$")]
    private static partial Regex Slug();

    [GeneratedRegex("^(data|config|ssl|addons|backup|share|media|homeassistant_config|all_addon_configs|addon_config)(?::(rw|ro))?$")]
    private static partial Regex Volume();
}
