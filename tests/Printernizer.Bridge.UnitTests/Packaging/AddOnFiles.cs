using System.Text.Json;
using System.Text.RegularExpressions;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Hosting.AddOn;
using Printernizer.Bridge.Printers;

namespace Printernizer.Bridge.UnitTests.Packaging;

/// <summary>The add-on's files under <c>addon/</c>, loaded once per test.</summary>
internal static partial class AddOnFiles
{
    public static Dictionary<string, object?> Manifest => YamlValues.LoadMapping(RepositoryFiles.Read("addon", "config.yaml"));

    public static Dictionary<string, object?> Schema => (Dictionary<string, object?>)Manifest["schema"]!;

    public static Dictionary<string, object?> PrinterSchema => (Dictionary<string, object?>)((List<object?>)Schema["printers"]!)[0]!;

    /// <summary>The first <c>```yaml</c> block of the Configuration section of DOCS.md: the options users are shown.</summary>
    public static Dictionary<string, object?> DocumentedOptions => YamlValues.LoadMapping(DocumentedOptionsText);

    public static string DocumentedOptionsText
    {
        get
        {
            var docs = RepositoryFiles.Read("addon", "DOCS.md");
            var section = docs[docs.IndexOf("## Configuration", StringComparison.Ordinal)..];
            return YamlBlock().Match(section) is { Success: true } block
                ? block.Groups["yaml"].Value
                : throw new InvalidOperationException("DOCS.md has no ```yaml block under ## Configuration");
        }
    }

    /// <summary>Runs options (as the Supervisor would write them to options.json) through the add-on mapping and the config loader.</summary>
    public static ConfigLoadResult Load(Dictionary<string, object?> options, PrinterTypeRegistry? registry = null)
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(options));
        var broker = new SupervisorMqttService("core-mosquitto", 1883, false, "addons", "broker-secret");
        var yaml = AddOnOptionsMapper.Map(json.RootElement, broker, "/data", out var unknown);
        Assert.Empty(unknown);
        return new BridgeConfigLoader().Parse(JsonYamlNodes.ToText(yaml), "/data/options.json", _ => null, registry ?? PrinterTypeCatalog.CreateRegistry());
    }

    [GeneratedRegex(@"```yaml\n(?<yaml>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
