using System.Diagnostics;

namespace Printernizer.Bridge.Benchmarks.Fleet;

/// <summary>
/// One fleet run: start everything, wait until every printer is online and discovered, let it
/// settle, then measure over the window.
/// </summary>
internal static class FleetRun
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    public static async Task<IReadOnlyList<Metric>> RunAsync(FleetArguments args, RepositoryPaths paths)
    {
        await using var env = await FleetEnvironment.StartAsync(args, paths).ConfigureAwait(false);
        var ready = await WaitReadyAsync(env).ConfigureAwait(false);
        Console.Error.WriteLine($"fleet: {env.Subscriber.OnlineCount}/{env.PrinterCount} online, {env.Subscriber.DiscoveredCount} discovered after {ready:0.0} s; measuring {args.DurationSeconds} s");
        await Task.Delay(Settle).ConfigureAwait(false);

        var pid = env.Bridge.Id;
        var start = Snapshot.Take(env);
        env.Subscriber.Record(on: true);
        var rssMax = 0.0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < args.DurationSeconds)
        {
            await Task.Delay(1000).ConfigureAwait(false);
            rssMax = Math.Max(rssMax, ProcessStats.Memory(pid).Rss);
        }

        var end = Snapshot.Take(env);
        var latencies = env.Subscriber.Record(on: false);
        latencies.Sort();
        var seconds = (end.At - start.At) / (double)Stopwatch.Frequency;
        var bambu = end.BambuReports - start.BambuReports;
        var prusa = end.PrusaRequests - start.PrusaRequests;
        var inputs = bambu + prusa;
        var published = end.Messages - start.Messages;
        var cpu = end.Cpu - start.Cpu;
        var (_, hwm) = ProcessStats.Memory(pid);
        foreach (var line in env.ErrorLines)
        {
            Console.Error.WriteLine($"bridge: {line}");
        }

        return
        [
            new("printers", "printers (Bambu + Prusa)", env.PrinterCount, "0"),
            new("ready_s", "all online and discovered after (s)", ready),
            new("input_reports_per_s", "input reports/s (Bambu reports + Prusa requests)", inputs / seconds, "0"),
            new("bambu_reports_per_s", "  of which Bambu reports/s", bambu / seconds, "0"),
            new("published_per_s", "published messages/s", published / seconds, "0"),
            new("progress_per_s", "  of which progress/s", (end.Topic("progress") - start.Topic("progress")) / seconds, "0"),
            new("temperature_per_s", "  of which temperature/s", (end.Topic("temperature") - start.Topic("temperature")) / seconds, "0"),
            new("state_per_s", "  of which state/s", (end.Topic("state") - start.Topic("state")) / seconds, "0"),
            new("published_ratio", "published / received", inputs == 0 ? double.NaN : published / (double)inputs, "0.000"),
            new("cpu_percent", "bridge CPU (% of one core)", 100 * cpu / seconds),
            new("cpu_s_per_1000_reports", "bridge CPU s per 1,000 reports", inputs == 0 ? double.NaN : 1000 * cpu / inputs, "0.0000"),
            new("rss_peak_mib", "bridge RSS peak, VmHWM (MiB)", hwm),
            new("rss_steady_mib", "bridge RSS max in window (MiB)", rssMax),
            new("rss_per_printer_kib", "bridge RSS per printer (KiB)", rssMax * 1024 / env.PrinterCount),
            new("latency_samples", "latency samples", latencies.Count, "0"),
            new("latency_p50_ms", "latency p50 (ms)", Percentiles.Of(latencies, 50), "0.00"),
            new("latency_p95_ms", "latency p95 (ms)", Percentiles.Of(latencies, 95), "0.00"),
            new("latency_p99_ms", "latency p99 (ms)", Percentiles.Of(latencies, 99), "0.00"),
            new("latency_max_ms", "latency max (ms)", latencies.Count == 0 ? double.NaN : latencies[^1], "0.00"),
            new("errors", "bridge errors logged", env.Errors, "0"),
            new("warnings", "bridge warnings logged", env.Warnings, "0"),
            new("subscriber_lost", "subscriber disconnected during the run (1 = counts incomplete)", env.Subscriber.IsConnected ? 0 : 1, "0"),
            new("missing", "printers never online+discovered", env.PrinterCount - Math.Min(env.Subscriber.OnlineCount, env.Subscriber.DiscoveredCount), "0"),
        ];
    }

    /// <summary>Seconds from the bridge's start until every printer was online and discovered (or the timeout).</summary>
    public static async Task<double> WaitReadyAsync(FleetEnvironment env)
    {
        var nextProgress = TimeSpan.FromSeconds(10);
        while (Stopwatch.GetElapsedTime(env.BridgeStarted) < ReadyTimeout && !env.Bridge.HasExited)
        {
            if (env.Subscriber.OnlineCount >= env.PrinterCount && env.Subscriber.DiscoveredCount >= env.PrinterCount)
            {
                break;
            }

            if (Stopwatch.GetElapsedTime(env.BridgeStarted) >= nextProgress)
            {
                Console.Error.WriteLine(
                    $"fleet: {nextProgress.TotalSeconds:0} s: {env.Subscriber.OnlineCount} online, {env.Subscriber.DiscoveredCount} discovered, {env.Subscriber.Messages} messages seen");
                nextProgress += TimeSpan.FromSeconds(10);
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        return Stopwatch.GetElapsedTime(env.BridgeStarted).TotalSeconds;
    }

    internal sealed record Snapshot(long At, double Cpu, long BambuReports, long PrusaRequests, long Messages, long BambuStamps, IReadOnlyDictionary<string, long> PerTopic)
    {
        public static Snapshot Take(FleetEnvironment env) => new(
            Stopwatch.GetTimestamp(), ProcessStats.CpuSeconds(env.Bridge.Id), env.BambuReports, env.PrusaRequests,
            env.Subscriber.Messages, env.Subscriber.BambuStamps, env.Subscriber.PerTopic);

        public long Topic(string name) => PerTopic.GetValueOrDefault(name);
    }
}
