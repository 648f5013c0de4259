namespace Printernizer.Bridge.Benchmarks.Fleet;

/// <summary>Runs <c>fleet</c> or <c>peak</c> the requested number of times and writes the report.</summary>
internal static class FleetCommand
{
    private static readonly Target[] FleetTargets =
    [
        new("ready_s", "all online and discovered < 15 s", v => v < 15),
        new("cpu_percent", "bridge CPU < 10 % of one core", v => v < 10),
        new("rss_peak_mib", "RSS < 150 MB", v => v * 1.048576 < 150),
        new("latency_p99_ms", "latency p99 < 50 ms", v => v < 50),
        new("published_ratio", "published < 1/3 of received (and > 0)", v => v is > 0 and < 1.0 / 3),
        new("missing", "every printer online and discovered", v => v == 0),
    ];

    private static readonly Target[] PeakTargets =
    [
        new("peak_reports_per_s", "≥ 30,000 reports/s through one bridge", v => v >= 30_000),
    ];

    public static async Task<int> RunAsync(string[] argv)
    {
        FleetArguments args;
        try
        {
            args = FleetArguments.Parse(argv);
        }
        catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or OverflowException or UriFormatException)
        {
            await Console.Error.WriteLineAsync($"{ex.Message}\n{FleetArguments.Usage}").ConfigureAwait(false);
            return 2;
        }

        var paths = RepositoryPaths.Find() with { BridgeOverride = args.BridgeDll };
        if (!File.Exists(paths.BridgeDll) || !File.Exists(paths.SimulatorsDll))
        {
            await Console.Error.WriteLineAsync($"build first: dotnet build -c Release Printernizer.Bridge.sln (missing {paths.BridgeDll})").ConfigureAwait(false);
            return 2;
        }

        var runs = new List<IReadOnlyList<Metric>>();
        var extras = new List<string>();
        for (var run = 1; run <= args.Runs; run++)
        {
            Console.Error.WriteLine($"{(args.Peak ? "peak" : "fleet")}: run {run} of {args.Runs}");
            if (args.Peak)
            {
                var (metrics, steps, profile) = await PeakRun.RunAsync(args with { Trace = args.Trace && run == args.Runs }, paths).ConfigureAwait(false);
                runs.Add(metrics);
                extras.Add($"Run {run} steps:\n\n| offered | offered/s | through/s | bridge CPU % | µs CPU/report | p50 ms | p99 ms | RSS MiB |\n|---|---|---|---|---|---|---|---|\n{string.Join('\n', steps)}\n");
                if (profile is not null)
                {
                    extras.Add($"Profile of the bridge during the `max` step of run {run} (dotnet-trace, sampled thread time, top methods by inclusive time; idle waits included):\n\n```\n{profile.Trim()}\n```\n");
                }
            }
            else
            {
                runs.Add(await FleetRun.RunAsync(args, paths).ConfigureAwait(false));
            }
        }

        var report = new FleetReport(args, runs, args.Peak ? PeakTargets : FleetTargets, extras);
        Console.WriteLine(report.Markdown());
        var directory = args.OutputDirectory ?? paths.Results;
        var (md, json) = report.Write(directory);
        Console.Error.WriteLine($"wrote {md} and {json}");
        return 0;
    }

    public static string Machine() => $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average at the end {LoadAverage()}";

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[..3] is var parts ? string.Join(' ', parts) : "?";
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
