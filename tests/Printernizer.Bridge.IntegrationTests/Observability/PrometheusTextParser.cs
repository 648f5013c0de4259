using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Printernizer.Bridge.IntegrationTests.Observability;

/// <summary>
/// A strict reader of the Prometheus text exposition format 0.0.4: every line must be a HELP,
/// a TYPE, a comment or a well-formed sample; TYPE comes before a family's samples, once; a
/// family's samples are contiguous; series are unique; histograms have cumulative buckets
/// ending in <c>+Inf</c> that agree with <c>_count</c>. Any violation throws <see cref="FormatException"/>.
/// </summary>
internal static partial class PrometheusTextParser
{
    private static readonly string[] Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    public static IReadOnlyDictionary<string, PrometheusFamily> Parse(string text)
    {
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            throw new FormatException("the exposition must end with a line feed");
        }

        var families = new Dictionary<string, PrometheusFamily>(StringComparer.Ordinal);
        var series = new HashSet<string>(StringComparer.Ordinal);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        PrometheusFamily? current = null;
        var lineNumber = 0;
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            lineNumber++;
            var where = $"line {lineNumber} '{line}'";
            if (line.StartsWith("# HELP ", StringComparison.Ordinal) || line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', 4);
                var name = parts.Length >= 3 && MetricName().IsMatch(parts[2]) ? parts[2] : throw new FormatException($"{where}: bad metric name");
                if (current?.Name != name)
                {
                    if (current is not null)
                    {
                        finished.Add(current.Name);
                    }

                    if (finished.Contains(name))
                    {
                        throw new FormatException($"{where}: family {name} appears twice");
                    }

                    current = families.TryGetValue(name, out var known) ? known : families[name] = new PrometheusFamily(name);
                }

                if (parts[1] == "TYPE")
                {
                    if (current.Type is not null || current.Samples.Count > 0 || parts.Length != 4 || !Types.Contains(parts[3]))
                    {
                        throw new FormatException($"{where}: TYPE must be one of {string.Join(", ", Types)}, once, before the samples");
                    }

                    current.Type = parts[3];
                }
                else
                {
                    current.Help = current.Help is null ? (parts.Length == 4 ? parts[3] : string.Empty) : throw new FormatException($"{where}: second HELP");
                }

                continue;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            var sample = ParseSample(line, where);
            var familyName = FamilyOf(sample.Name, current);
            if (current is null || familyName != current.Name)
            {
                throw new FormatException($"{where}: sample outside its family's block (TYPE/HELP first, samples contiguous)");
            }

            var key = sample.Name + "{" + string.Join(",", sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")) + "}";
            if (!series.Add(key))
            {
                throw new FormatException($"{where}: duplicate series {key}");
            }

            current.Samples.Add(sample);
        }

        foreach (var family in families.Values.Where(f => f.Type == "histogram"))
        {
            CheckHistogram(family);
        }

        return families;
    }

    private static string FamilyOf(string sampleName, PrometheusFamily? current)
    {
        if (current?.Type is "histogram" or "summary")
        {
            foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
            {
                if (sampleName == current.Name + suffix)
                {
                    return current.Name;
                }
            }
        }

        return sampleName;
    }

    private static PrometheusSample ParseSample(string line, string where)
    {
        var match = SampleLine().Match(line);
        if (!match.Success)
        {
            throw new FormatException($"{where}: not a sample line");
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var labelText = match.Groups["labels"].Value;
        var position = 0;
        while (position < labelText.Length)
        {
            var label = LabelPair().Match(labelText, position);
            if (!label.Success || label.Index != position)
            {
                throw new FormatException($"{where}: malformed label set");
            }

            if (!labels.TryAdd(label.Groups["name"].Value, Unescape(label.Groups["value"].Value, where)))
            {
                throw new FormatException($"{where}: duplicate label {label.Groups["name"].Value}");
            }

            position += label.Length;
        }

        return new PrometheusSample(match.Groups["name"].Value, labels, ParseValue(match.Groups["value"].Value, where));
    }

    private static double ParseValue(string text, string where) => text switch
    {
        "NaN" => double.NaN,
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw new FormatException($"{where}: bad value '{text}'"),
    };

    private static string Unescape(string value, string where)
    {
        var result = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\')
            {
                result.Append(value[i]);
                continue;
            }

            result.Append(++i < value.Length ? value[i] switch
            {
                '\\' => '\\',
                '"' => '"',
                'n' => '\n',
                _ => throw new FormatException($"{where}: bad escape in a label value"),
            } : throw new FormatException($"{where}: dangling escape"));
        }

        return result.ToString();
    }

    private static void CheckHistogram(PrometheusFamily family)
    {
        foreach (var group in family.Samples.GroupBy(s => string.Join(",", s.Labels.Where(l => l.Key != "le").OrderBy(l => l.Key).Select(l => $"{l.Key}={l.Value}"))))
        {
            var buckets = group.Where(s => s.Name == family.Name + "_bucket").ToArray();
            var count = group.SingleOrDefault(s => s.Name == family.Name + "_count") ?? throw new FormatException($"{family.Name}{{{group.Key}}}: no _count");
            _ = group.SingleOrDefault(s => s.Name == family.Name + "_sum") ?? throw new FormatException($"{family.Name}{{{group.Key}}}: no _sum");
            var bounds = buckets.Select(b => ParseValue(b.Label("le") ?? throw new FormatException($"{family.Name}: bucket without le"), family.Name)).ToArray();
            if (bounds.Length == 0 || !double.IsPositiveInfinity(bounds[^1]) || !bounds.Zip(bounds.Skip(1)).All(p => p.First < p.Second))
            {
                throw new FormatException($"{family.Name}{{{group.Key}}}: buckets must rise and end with le=\"+Inf\"");
            }

            if (!buckets.Zip(buckets.Skip(1)).All(p => p.First.Value <= p.Second.Value) || buckets[^1].Value != count.Value)
            {
                throw new FormatException($"{family.Name}{{{group.Key}}}: bucket counts must be cumulative and the +Inf bucket must equal _count");
            }
        }
    }

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>(?:[^"}]|"(?:[^"\\]|\\.)*")*)\})? (?<value>\S+)( -?[0-9]+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""(?<name>[a-zA-Z_][a-zA-Z0-9_]*)="(?<value>(?:[^"\\]|\\.)*)",?""")]
    private static partial Regex LabelPair();
}
