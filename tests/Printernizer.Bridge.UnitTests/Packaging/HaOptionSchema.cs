using System.Globalization;
using System.Text.RegularExpressions;

namespace Printernizer.Bridge.UnitTests.Packaging;

/// <summary>
/// The Supervisor's add-on option validation (supervisor/addons/options.py, <c>AddonOptions</c>)
/// re-done for tests: schema element types <c>str</c>, <c>password</c>, <c>int</c>, <c>float</c>,
/// <c>bool</c>, <c>email</c>, <c>url</c>, <c>port</c>, <c>match(…)</c>, <c>list(a|b)</c>, with
/// <c>(min,max)</c> ranges and a trailing <c>?</c> for optional; nested lists and dicts. Stricter
/// in one point: an option the schema lacks is an error (the Supervisor drops it with a warning,
/// which in a documented example would be a silent mistake).
/// </summary>
internal static partial class HaOptionSchema
{
    /// <summary>Problems with the schema itself, each with its path; empty when every element is a known type.</summary>
    public static List<string> CheckSchema(Dictionary<string, object?> schema)
    {
        var problems = new List<string>();
        foreach (var (key, element) in schema)
        {
            CheckElement(element, key, insideList: false, problems);
        }

        return problems;
    }

    /// <summary>Every reason the Supervisor would refuse <paramref name="options"/>; empty when it accepts them.</summary>
    public static List<string> Validate(Dictionary<string, object?> schema, Dictionary<string, object?> options)
    {
        var problems = new List<string>();
        ValidateDict(schema, options, string.Empty, problems);
        return problems;
    }

    private static void CheckElement(object? element, string path, bool insideList, List<string> problems)
    {
        switch (element)
        {
            case string type when !ElementPattern().IsMatch(type):
                problems.Add($"{path}: unknown type '{type}'");
                break;
            case List<object?> list when insideList:
                problems.Add($"{path}: a list may not directly contain another list");
                break;
            case List<object?> list when list.Count != 1:
                problems.Add($"{path}: a list schema has exactly one element, found {list.Count}");
                break;
            case List<object?> list:
                CheckElement(list[0], $"{path}[]", insideList: true, problems);
                break;
            case Dictionary<string, object?> dict:
                foreach (var (key, child) in dict)
                {
                    CheckElement(child, $"{path}.{key}", insideList: false, problems);
                }

                break;
            case string:
                break;
            default:
                problems.Add($"{path}: expected a type string, a list or a dict");
                break;
        }
    }

    private static void ValidateDict(Dictionary<string, object?> schema, Dictionary<string, object?> values, string path, List<string> problems)
    {
        foreach (var (key, value) in values)
        {
            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            if (!schema.TryGetValue(key, out var type))
            {
                problems.Add($"{childPath}: not in the schema");
                continue;
            }

            ValidateElement(type, value, childPath, problems);
        }

        foreach (var (key, type) in schema.Where(entry => !values.ContainsKey(entry.Key)))
        {
            // As in the Supervisor: a list is optional when its element is an optional type.
            var decisive = type is List<object?> { Count: > 0 } list ? list[0] : type;
            if (decisive is not string optional || !optional.EndsWith('?'))
            {
                problems.Add($"{(path.Length == 0 ? key : $"{path}.{key}")}: missing required option");
            }
        }
    }

    private static void ValidateElement(object? type, object? value, string path, List<string> problems)
    {
        switch (type)
        {
            case List<object?> list when value is List<object?> items:
                for (var i = 0; i < items.Count; i++)
                {
                    ValidateElement(list[0], items[i], $"{path}[{i}]", problems);
                }

                break;
            case List<object?>:
                problems.Add($"{path}: expected a list");
                break;
            case Dictionary<string, object?> dict when value is Dictionary<string, object?> values:
                ValidateDict(dict, values, path, problems);
                break;
            case Dictionary<string, object?>:
                problems.Add($"{path}: expected a dict");
                break;
            case string single:
                var problem = ValidateSingle(single, value);
                if (problem is not null)
                {
                    problems.Add($"{path}: {problem}");
                }

                break;
        }
    }

    private static string? ValidateSingle(string type, object? value)
    {
        if (value is null)
        {
            // The Supervisor refuses null even for optional types: optional means "may be absent".
            return "missing required option (null)";
        }

        var match = ElementPattern().Match(type);
        if (!match.Success)
        {
            return $"unknown type '{type}'";
        }

        if (value is List<object?> or Dictionary<string, object?>)
        {
            return $"expected a single value of type {type}";
        }

        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        return match.Groups["kind"].Value switch
        {
            "str" or "password" => InRange(text.Length, match, "length"),
            "int" => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) ? InRange(integer, match, "value") : "expected an integer",
            "float" => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? InRange(number, match, "value") : "expected a number",
            "bool" => value is bool || BooleanWords.Contains(text.ToLowerInvariant()) ? null : "expected a boolean",
            "port" => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535 ? null : "expected a port from 1 to 65535",
            "email" => text.Contains('@', StringComparison.Ordinal) ? null : "expected an e-mail address",
            "url" => Uri.TryCreate(text, UriKind.Absolute, out _) ? null : "expected a URL",
            // Python's re.match: anchored at the start only.
            "match" => Regex.IsMatch(text, $@"\A(?:{match.Groups["pattern"].Value})") ? null : $"does not match {match.Groups["pattern"].Value}",
            "list" => match.Groups["values"].Value.Split('|').Contains(text, StringComparer.Ordinal) ? null : $"expected one of {match.Groups["values"].Value}",
            var other => $"type {other} is not supported by this checker",
        };
    }

    private static readonly string[] BooleanWords = ["1", "true", "yes", "on", "enable", "0", "false", "no", "off", "disable"];

    private static string? InRange(double actual, Match match, string what)
    {
        var min = match.Groups["min"].Success ? double.Parse(match.Groups["min"].Value, CultureInfo.InvariantCulture) : (double?)null;
        var max = match.Groups["max"].Success ? double.Parse(match.Groups["max"].Value, CultureInfo.InvariantCulture) : (double?)null;
        return actual < min || actual > max ? $"{what} {actual.ToString(CultureInfo.InvariantCulture)} outside {min},{max}" : null;
    }

    /// <summary>RE_SCHEMA_ELEMENT of the Supervisor, with named groups for what the checker needs.</summary>
    [GeneratedRegex(@"^(?:(?<kind>bool|email|url|port)|(?<kind>device)(?:\(subsystem=[a-z]+\))?|(?<kind>str|password|int)(?:\((?<min>\d+)?,(?<max>\d+)?\))?|(?<kind>float)(?:\((?<min>[\d\.]+)?,(?<max>[\d\.]+)?\))?|(?<kind>match)\((?<pattern>.*)\)|(?<kind>list)\((?<values>.+)\))\??$")]
    private static partial Regex ElementPattern();
}
