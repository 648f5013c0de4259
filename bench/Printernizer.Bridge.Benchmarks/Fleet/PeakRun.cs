using System.Diagnostics;
using System.Globalization;

namespace Printernizer.Bridge.Benchmarks.Fleet;

/// <summary>
/// Peak: a few printers flood deltas (each with a new layer, so each is one progress message)
/// at rising offered rates; a step is kept up with when the bridge publishes at least 95 % of
/// what was offered. The result is the best rate through the bridge and its CPU per report.
/// </summary>
internal static class PeakRun
{
    private static readonly string[] Rates = ["5000", "10000", "20000", "30000", "40000", "60000", "max"];
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    public static async Task<(IReadOnlyList<Metric> Metrics, IReadOnlyList<string> Steps, string? Profile)> RunAsync(FleetArguments args, RepositoryPaths paths)
    {
        await using var env = await FleetEnvironment.StartAsync(args, paths).ConfigureAwait(false);
        var ready = await FleetRun.WaitReadyAsync(env).ConfigureAwait(false);
        Console.Error.WriteLine($"peak: {env.Subscriber.OnlineCount}/{env.PrinterCount} online after {ready:0.0} s");
        var steps = new List<string>();
        double best = 0, bestCpu = double.NaN, bestP99 = double.NaN, keptUp = 0;
        string? profile = null;
        for (var i = 0; i < Rates.Length; i++)
        {
            var rate = Rates[i];
            env.Flood(rate);
            await Task.Delay(Settle).ConfigureAwait(false);
            var traceTask = args.Trace && rate == "max" ? ProfileCollector.CollectAsync(env.Bridge.Id, args.StepSeconds, paths.Root) : null;
            var start = FleetRun.Snapshot.Take(env);
            env.Subscriber.Record(on: true);
            await Task.Delay(TimeSpan.FromSeconds(args.StepSeconds)).ConfigureAwait(false);
            var end = FleetRun.Snapshot.Take(env);
            var latencies = env.Subscriber.Record(on: false);
            latencies.Sort();
            if (traceTask is not null)
            {
                profile = await traceTask.ConfigureAwait(false);
            }

            var seconds = (end.At - start.At) / (double)Stopwatch.Frequency;
            var offered = (end.BambuReports - start.BambuReports) / seconds;
            var through = (end.BambuStamps - start.BambuStamps) / seconds;
            var cpu = end.Cpu - start.Cpu;
            var cpuPerReport = 1e6 * cpu / Math.Max(1, end.BambuStamps - start.BambuStamps);
            var p99 = Percentiles.Of(latencies, 99);
            var (rss, _) = ProcessStats.Memory(env.Bridge.Id);
            steps.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {rate} | {offered:0} | {through:0} | {100 * cpu / seconds:0} | {cpuPerReport:0.0} | {Percentiles.Of(latencies, 50):0.0} | {p99:0.0} | {rss:0} |"));
            Console.Error.WriteLine($"peak: offered {offered:0}/s, through {through:0}/s, bridge CPU {100 * cpu / seconds:0}% ({cpuPerReport:0.0} µs/report), p99 {p99:0.0} ms");
            if (through > best)
            {
                (best, bestCpu, bestP99) = (through, cpuPerReport, p99);
            }

            var kept = through >= 0.95 * offered;
            if (kept)
            {
                keptUp = Math.Max(keptUp, through);
            }

            if (!kept)
            {
                // Saturated: one more step at full speed shows the ceiling (and is the one traced).
                i = Math.Max(i, Rates.Length - 2);
            }
        }

        env.Flood("0");
        return ([
            new("printers", "flooding printers", args.Bambu, "0"),
            new("peak_reports_per_s", "max reports/s through the bridge (one step)", best, "0"),
            new("kept_up_reports_per_s", "highest rate fully kept up with (≥95 % published)", keptUp, "0"),
            new("cpu_us_per_report", "bridge CPU µs per report at the max", bestCpu, "0.0"),
            new("latency_p99_ms_at_max", "latency p99 at the max (ms)", bestP99, "0.0"),
            new("errors", "bridge errors logged", env.Errors, "0"),
        ], steps, profile);
    }
}
