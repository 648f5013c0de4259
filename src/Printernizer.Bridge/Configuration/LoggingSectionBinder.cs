using YamlDotNet.RepresentationModel;

namespace Printernizer.Bridge.Configuration;

/// <summary>
/// Reads <c>log_level</c> (a level, or a mapping of component to level with an optional
/// <c>default</c>) and <c>log_format</c> (<c>human</c> or <c>json</c>).
/// </summary>
internal static class LoggingSectionBinder
{
    public const string DefaultLevel = "information";
    public const string BridgeNamespace = "Printernizer.Bridge";

    private const string DefaultKey = "default";
    private static readonly string[] Levels = ["verbose", "debug", "information", "warning", "error"];
    private static readonly string[] Formats = ["human", "json"];
    private static readonly string[] ForeignPrefixes = ["Printernizer", "Microsoft", "System", "MQTTnet", "Polly"];

    public static (string Level, LoggingSettings Logging) Bind(ConfigSection root)
    {
        var json = BindFormat(root);
        if (!root.TryGetValue("log_level", out var line, out var node))
        {
            return (DefaultLevel, LoggingSettings.Default with { Json = json });
        }

        if (node is not YamlMappingNode mapping)
        {
            var level = Level(root.Values.String(node, line, root.PathOf("log_level")), line, root.PathOf("log_level"), root.Values.Problems);
            return (level ?? DefaultLevel, LoggingSettings.Default with { Json = json });
        }

        var defaultLevel = DefaultLevel;
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var component = (keyNode as YamlScalarNode)?.Value?.Trim() ?? string.Empty;
            var keyLine = YamlNodes.LineOf(keyNode);
            var path = ConfigKeyPath.Child(root.PathOf("log_level"), component);
            var level = Level(YamlNodes.IsNull(valueNode) ? null : root.Values.String(valueNode, keyLine, path), keyLine, path, root.Values.Problems);
            if (component.Equals(DefaultKey, StringComparison.OrdinalIgnoreCase))
            {
                defaultLevel = level ?? DefaultLevel;
            }
            else if (!IsComponent(component))
            {
                root.Values.Problems.Add(keyLine, path, "expected a component such as Printers.Bambu, Publishing or Printernizer.Bridge.Hosting, or default");
            }
            else if (level is not null)
            {
                overrides[FullName(component)] = level;
            }
        }

        return (defaultLevel, new LoggingSettings(json, overrides));
    }

    /// <summary><c>Printers.Bambu</c> becomes <c>Printernizer.Bridge.Printers.Bambu</c>; library names (e.g. <c>MQTTnet</c>) stay.</summary>
    public static string FullName(string component) =>
        ForeignPrefixes.Any(p => component == p || component.StartsWith(p + ".", StringComparison.Ordinal))
            ? component
            : $"{BridgeNamespace}.{component}";

    private static bool IsComponent(string component) =>
        component.Length > 0 && char.IsUpper(component[0]) && component.Split('.').All(part => part.Length > 0 && part.All(char.IsAsciiLetterOrDigit));

    private static bool BindFormat(ConfigSection root)
    {
        var format = root.String("log_format")?.Trim().ToLowerInvariant();
        if (format is null or "human")
        {
            return false;
        }

        if (format == "json")
        {
            return true;
        }

        root.Problem("log_format", $"expected one of {string.Join(", ", Formats)}");
        return false;
    }

    private static string? Level(string? text, int line, string path, ConfigProblemList problems)
    {
        var level = text?.Trim().ToLowerInvariant();
        if (level is not null && Levels.Contains(level, StringComparer.Ordinal))
        {
            return level;
        }

        var suggestion = level is null ? null : KeySuggestion.Closest(level, Levels);
        problems.Add(line, path, $"expected one of {string.Join(", ", Levels)}{(suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)")}");
        return null;
    }
}
