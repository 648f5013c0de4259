using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Printernizer.Bridge.Benchmarks.Fleet;

/// <summary>The table (every run and the median) with the targets, as Markdown and JSON.</summary>
internal sealed class FleetReport
{
    private readonly FleetArguments _args;
    private readonly IReadOnlyList<IReadOnlyList<Metric>> _runs;
    private readonly IReadOnlyList<Target> _targets;
    private readonly IReadOnlyList<string> _extras;
    private readonly DateTimeOffset _at = TimeProvider.System.GetUtcNow();
    private readonly string _machine = FleetCommand.Machine();

    public FleetReport(FleetArguments args, IReadOnlyList<IReadOnlyList<Metric>> runs, IReadOnlyList<Target> targets, IReadOnlyList<string> extras)
    {
        _args = args;
        _runs = runs;
        _targets = targets;
        _extras = extras;
    }

    private string Kind => _args.Peak ? "peak" : "fleet";

    private string Command => _args.Peak
        ? $"peak --printers {_args.Bambu} --step {_args.StepSeconds} --runs {_args.Runs}"
        : $"fleet --bambu {_args.Bambu} --prusa {_args.Prusa} --hz {_args.Hz.ToString(CultureInfo.InvariantCulture)} --duration {_args.DurationSeconds} --runs {_args.Runs}";

    public double Median(string key) => Percentiles.Median(_runs.Select(r => r.First(m => m.Key == key).Value));

    public string Markdown()
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# {Kind} benchmark, {_at:yyyy-MM-dd HH:mm} UTC\n\n`{Command}`\n\nMachine: {_machine}.\n\n");
        md.Append("| metric | median |");
        for (var i = 1; i <= _runs.Count; i++)
        {
            md.Append(CultureInfo.InvariantCulture, $" run {i} |");
        }

        md.Append("\n|---|---|").Append(string.Concat(Enumerable.Repeat("---|", _runs.Count))).Append('\n');
        foreach (var metric in _runs[0])
        {
            md.Append(CultureInfo.InvariantCulture, $"| {metric.Label} | **{Format(Median(metric.Key), metric.Format)}** |");
            foreach (var run in _runs)
            {
                md.Append(CultureInfo.InvariantCulture, $" {Format(run.First(m => m.Key == metric.Key).Value, metric.Format)} |");
            }

            md.Append('\n');
        }

        md.Append("\n| target (on the median) | met |\n|---|---|\n");
        foreach (var target in _targets)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {target.Text} | {(target.Met(Median(target.Key)) ? "yes" : "**no**")} |\n");
        }

        foreach (var extra in _extras)
        {
            md.Append('\n').Append(extra);
        }

        return md.ToString();
    }

    public (string Markdown, string Json) Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{_at:yyyy-MM-dd}-{Kind}"));
        File.WriteAllText(stem + ".md", Markdown());
        using (var stream = File.Create(stem + ".json"))
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("kind", Kind);
            w.WriteString("at", _at.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture));
            w.WriteString("command", Command);
            w.WriteString("machine", _machine);
            w.WriteStartObject("median");
            foreach (var metric in _runs[0])
            {
                WriteNumber(w, metric.Key, Median(metric.Key));
            }

            w.WriteEndObject();
            w.WriteStartArray("runs");
            foreach (var run in _runs)
            {
                w.WriteStartObject();
                foreach (var metric in run)
                {
                    WriteNumber(w, metric.Key, metric.Value);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("targets");
            foreach (var target in _targets)
            {
                w.WriteBoolean(target.Key, target.Met(Median(target.Key)));
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return (stem + ".md", stem + ".json");
    }

    private static void WriteNumber(Utf8JsonWriter w, string key, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(key, Math.Round(value, 4));
        }
        else
        {
            w.WriteNull(key);
        }
    }

    private static string Format(double value, string format) => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "n/a";
}
