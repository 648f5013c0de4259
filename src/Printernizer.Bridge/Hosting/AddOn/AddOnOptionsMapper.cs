using System.Text.Json;
using Printernizer.Bridge.Configuration;
using YamlDotNet.RepresentationModel;

namespace Printernizer.Bridge.Hosting.AddOn;

/// <summary>
/// Maps the add-on's options (<c>/data/options.json</c>) and the Supervisor's broker to the form of
/// <c>config.yaml</c>, so that the one configuration loader validates both in the same way. Option
/// names are the configuration's own names; only the broker settings sit at the top level of the
/// options instead of under <c>mqtt:</c>.
/// </summary>
internal static class AddOnOptionsMapper
{
    /// <summary>Options that become keys of the <c>mqtt:</c> section.</summary>
    private static readonly string[] MqttOptions = ["base_topic", "discovery_prefix", "client_id", "discovery"];

    /// <summary>Options that keep their place at the top level.</summary>
    private static readonly string[] RootOptions = ["printers", "control", "log_level"];

    /// <summary>Configuration keys the Supervisor's broker fills; users cannot set them.</summary>
    private static readonly string[] BrokerKeys = ["mqtt.url", "mqtt.username", "mqtt.password"];

    public static IEnumerable<string> KnownOptions => RootOptions.Concat(MqttOptions).Order(StringComparer.Ordinal);

    /// <param name="broker">Null when the Supervisor could not be asked: the options are still checked.</param>
    /// <param name="stateDir">The add-on's <c>/data</c>; not an option, because only that volume survives updates.</param>
    /// <param name="unknownOptions">Top-level option names that mean nothing here.</param>
    public static YamlMappingNode Map(JsonElement options, SupervisorMqttService? broker, string stateDir, out IReadOnlyList<string> unknownOptions)
    {
        var mqtt = new YamlMappingNode();
        if (broker is not null)
        {
            mqtt.Add("url", JsonYamlNodes.Quoted(broker.Url));
            AddIfSet(mqtt, "username", broker.Username);
            AddIfSet(mqtt, "password", broker.Password);
        }

        var root = new YamlMappingNode { { "mqtt", mqtt } };
        var unknown = new List<string>();
        foreach (var option in options.EnumerateObject())
        {
            if (MqttOptions.Contains(option.Name, StringComparer.Ordinal))
            {
                mqtt.Add(option.Name, JsonYamlNodes.From(option.Value));
            }
            else if (option.Name == PrintersSectionBinder.Key)
            {
                root.Add(option.Name, Printers(option.Value));
            }
            else if (RootOptions.Contains(option.Name, StringComparer.Ordinal))
            {
                root.Add(option.Name, JsonYamlNodes.From(option.Value));
            }
            else
            {
                unknown.Add(option.Name);
            }
        }

        root.Add("state_dir", JsonYamlNodes.Quoted(stateDir));
        unknownOptions = unknown;
        return root;
    }

    /// <summary>The option path for a configuration key path; null for keys the Supervisor's broker fills.</summary>
    public static string? OptionPathOf(string configKeyPath)
    {
        if (BrokerKeys.Contains(configKeyPath, StringComparer.Ordinal))
        {
            return null;
        }

        const string MqttPrefix = "mqtt.";
        return configKeyPath.StartsWith(MqttPrefix, StringComparison.Ordinal) ? configKeyPath[MqttPrefix.Length..] : configKeyPath;
    }

    /// <summary>
    /// The printers list, with unset optional fields removed: Home Assistant's form stores a field
    /// the user cleared as an empty string or null, which means "not set", not "set to nothing".
    /// </summary>
    private static YamlNode Printers(JsonElement printers)
    {
        if (printers.ValueKind != JsonValueKind.Array)
        {
            return JsonYamlNodes.From(printers);
        }

        return new YamlSequenceNode(printers.EnumerateArray().Select(printer => printer.ValueKind == JsonValueKind.Object
            ? new YamlMappingNode(printer.EnumerateObject()
                .Where(field => !IsUnset(field.Value))
                .Select(field => new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode(field.Name), JsonYamlNodes.From(field.Value))))
            : JsonYamlNodes.From(printer)));
    }

    private static bool IsUnset(JsonElement value) =>
        value.ValueKind is JsonValueKind.Null
        || (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()));

    private static void AddIfSet(YamlMappingNode mapping, string key, string? value)
    {
        if (value is not null)
        {
            mapping.Add(key, JsonYamlNodes.Quoted(value));
        }
    }
}
