using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Printernizer.Bridge.Configuration;

/// <summary>
/// Converts one present, non-null value node to a typed value after <c>${…}</c> expansion.
/// On a wrong type it records a problem and returns null. Messages never quote the value,
/// so secrets cannot leak through them.
/// </summary>
internal sealed class ConfigValueReader
{
    private readonly VariableExpander _expander;

    public ConfigValueReader(ConfigProblemList problems, VariableExpander expander)
    {
        Problems = problems;
        _expander = expander;
    }

    public ConfigProblemList Problems { get; }

    public string? String(YamlNode node, int line, string keyPath) => Text(node, line, keyPath, "a string");

    public int? Int(YamlNode node, int line, string keyPath, int min = int.MinValue, int max = int.MaxValue)
    {
        var expected = IntegerDescription(min, max);
        var text = Text(node, line, keyPath, expected);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }

        Problems.Add(line, keyPath, $"expected {expected}");
        return null;
    }

    /// <summary>
    /// Accepts true/false and also yes/no, case-insensitively: YAML 1.1 files (and many
    /// Home Assistant examples) use yes/no, and refusing them would only annoy users.
    /// on/off stay errors because they read like values of a different kind.
    /// </summary>
    public bool? Bool(YamlNode node, int line, string keyPath)
    {
        const string Expected = "true or false";
        var text = Text(node, line, keyPath, Expected);
        switch (text?.Trim().ToLowerInvariant())
        {
            case null:
                return null;
            case "true" or "yes":
                return true;
            case "false" or "no":
                return false;
            default:
                Problems.Add(line, keyPath, $"expected {Expected}");
                return null;
        }
    }

    public TimeSpan? Duration(YamlNode node, int line, string keyPath, TimeSpan? min = null, TimeSpan? max = null)
    {
        var expected = DurationDescription(min, max);
        var text = Text(node, line, keyPath, expected);
        if (text is null)
        {
            return null;
        }

        if (DurationText.TryParse(text, out var value) && (min is null || value >= min) && (max is null || value <= max))
        {
            return value;
        }

        Problems.Add(line, keyPath, $"expected {expected}");
        return null;
    }

    private string? Text(YamlNode node, int line, string keyPath, string expected)
    {
        if (node is not YamlScalarNode scalar)
        {
            Problems.Add(line, keyPath, $"expected {expected}, found {YamlNodes.Describe(node)}");
            return null;
        }

        var text = _expander.Expand(scalar.Value ?? string.Empty, line, keyPath, Problems);
        if (text is not null && SecretKeyNames.IsSecret(keyPath))
        {
            Problems.RegisterSecretValue(text);
        }

        return text;
    }

    private static string IntegerDescription(int min, int max) => (min, max) switch
    {
        (int.MinValue, int.MaxValue) => "an integer",
        (_, int.MaxValue) => $"an integer of at least {min}",
        (int.MinValue, _) => $"an integer of at most {max}",
        _ => $"an integer from {min} to {max}",
    };

    private static string DurationDescription(TimeSpan? min, TimeSpan? max)
    {
        const string Forms = "a duration such as 90 (seconds), 500ms, 60s, 5m or 1h";
        return (min, max) switch
        {
            (null, null) => Forms,
            (not null, null) => $"{Forms}, at least {DurationText.Format(min.Value)}",
            (null, not null) => $"{Forms}, at most {DurationText.Format(max.Value)}",
            _ => $"{Forms}, from {DurationText.Format(min!.Value)} to {DurationText.Format(max!.Value)}",
        };
    }
}
