using YamlDotNet.RepresentationModel;

namespace Printernizer.Bridge.Configuration;

/// <summary>
/// One mapping of the file (the root, <c>mqtt:</c>, a printer entry). Remembers every key that
/// was asked for, present or not, so that the keys nobody asked for can be reported as unknown.
/// Problems about a key point at the key's line, or at the mapping's line when the key is absent.
/// </summary>
internal sealed class ConfigSection
{
    private readonly Dictionary<string, (int Line, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);

    public ConfigSection(YamlMappingNode? mapping, string path, int line, ConfigValueReader values)
    {
        Path = path;
        Line = line;
        Values = values;
        foreach (var (key, value) in mapping?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                values.Problems.Add(YamlNodes.LineOf(key), path, "keys must be plain names");
            }
            else if (_entries.TryAdd(name, (YamlNodes.LineOf(key), value)))
            {
                _order.Add(name);
            }
        }
    }

    public string Path { get; }

    public int Line { get; }

    public ConfigValueReader Values { get; }

    /// <summary>Every key asked for so far, whether or not the file has it.</summary>
    public IReadOnlyCollection<string> AskedKeys => _asked;

    public string PathOf(string key) => ConfigKeyPath.Child(Path, key);

    public int LineOf(string key) => _entries.TryGetValue(key, out var entry) ? entry.Line : Line;

    /// <summary>The key's value node when present and not null; marks the key as known either way.</summary>
    public bool TryGetValue(string key, out int line, out YamlNode value)
    {
        _asked.Add(key);
        if (_entries.TryGetValue(key, out var entry) && !YamlNodes.IsNull(entry.Value))
        {
            (line, value) = entry;
            return true;
        }

        (line, value) = (LineOf(key), null!);
        return false;
    }

    public string? String(string key, bool required = false)
    {
        if (!TryGetValue(key, out var line, out var node))
        {
            if (required)
            {
                Problem(key, _entries.ContainsKey(key) ? "a value is required" : "missing required key");
            }

            return null;
        }

        var text = Values.String(node, line, PathOf(key));
        if (required && text is { Length: 0 })
        {
            Problem(key, "must not be empty");
            return null;
        }

        return text;
    }

    public bool? Bool(string key) =>
        TryGetValue(key, out var line, out var node) ? Values.Bool(node, line, PathOf(key)) : null;

    public int? Int(string key, int min = int.MinValue, int max = int.MaxValue) =>
        TryGetValue(key, out var line, out var node) ? Values.Int(node, line, PathOf(key), min, max) : null;

    public TimeSpan? Duration(string key, TimeSpan? min = null, TimeSpan? max = null) =>
        TryGetValue(key, out var line, out var node) ? Values.Duration(node, line, PathOf(key), min, max) : null;

    /// <summary>A nested mapping; empty when absent or null, null (reported) when the value is not a mapping.</summary>
    public ConfigSection? Section(string key)
    {
        if (!TryGetValue(key, out var line, out var node))
        {
            return new ConfigSection(null, PathOf(key), line, Values);
        }

        if (node is YamlMappingNode mapping)
        {
            return new ConfigSection(mapping, PathOf(key), line, Values);
        }

        Problem(key, $"expected a mapping, found {YamlNodes.Describe(node)}");
        return null;
    }

    public void Problem(string key, string message) => Values.Problems.Add(LineOf(key), PathOf(key), message);

    public void ReportUnknownKeys()
    {
        foreach (var key in _order.Where(k => !_asked.Contains(k)))
        {
            var suggestion = KeySuggestion.Closest(key, _asked);
            Problem(key, suggestion is null
                ? $"unknown key (known keys: {string.Join(", ", _asked.Order(StringComparer.Ordinal))})"
                : $"unknown key; did you mean '{suggestion}'?");
        }
    }
}
