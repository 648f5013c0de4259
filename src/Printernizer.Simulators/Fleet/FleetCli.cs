using System.Globalization;
using Printernizer.Simulators.Bambu;

namespace Printernizer.Simulators.Fleet;

/// <summary>
/// <c>fleet [--bambu N] [--prusa N] [--hz RATE] [--profile x1c|p1s|a1mini] [--stamp-every N] [--stamp-epoch TICKS] [--job-duration SECONDS]</c>:
/// Bambu and Prusa printers in one process for the benchmark. Prints one JSON line with every
/// printer's endpoint and credentials, then a JSON stats line every 200 ms. Reads commands on
/// stdin: <c>flood RATE</c> (total Bambu deltas per second over all printers, <c>max</c> = as
/// fast as possible, 0 = stop flooding). Stops on Ctrl+C or when stdin closes.
/// </summary>
internal static class FleetCli
{
    public const string Usage = "usage: fleet [--bambu N] [--prusa N] [--hz RATE] [--profile x1c|p1s|a1mini] [--stamp-every N] [--stamp-epoch TICKS] [--job-duration SECONDS]";

    public static async Task<int> RunAsync(string[] args)
    {
        FleetOptions options;
        try
        {
            options = Parse(args);
        }
        catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or OverflowException)
        {
            await Console.Error.WriteLineAsync($"fleet: {ex.Message}\n{Usage}").ConfigureAwait(false);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        await using var fleet = await SimulatorFleet.StartAsync(options, stop.Token).ConfigureAwait(false);
        Console.Out.WriteLine(fleet.DescribeJson());
        await Console.Out.FlushAsync(stop.Token).ConfigureAwait(false);
        var stats = fleet.ReportStatsAsync(Console.Out, options.StatsInterval, stop.Token);
        await FollowCommandsAsync(fleet, stop).ConfigureAwait(false);
        await stats.ConfigureAwait(false);
        return 0;
    }

    private static async Task FollowCommandsAsync(SimulatorFleet fleet, CancellationTokenSource stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var line = await Console.In.ReadLineAsync(stop.Token).ConfigureAwait(false);
            if (line is null)
            {
                break;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts is ["flood", var rate])
            {
                fleet.SetFloodRate(rate == "max" ? -1 : double.Parse(rate, CultureInfo.InvariantCulture));
            }
            else if (parts is ["stop"])
            {
                break;
            }
        }

        await stop.CancelAsync().ConfigureAwait(false);
    }

    private static FleetOptions Parse(string[] args)
    {
        var options = new FleetOptions();
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--bambu" => options with { Bambu = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--prusa" => options with { Prusa = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--hz" => options with { Hz = double.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--profile" => options with { Profile = ParseProfile(args[++i]) },
                "--stamp-every" => options with { StampEvery = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--stamp-epoch" => options with { StampEpoch = long.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--job-duration" => options with { JobDuration = TimeSpan.FromSeconds(double.Parse(args[++i], CultureInfo.InvariantCulture)) },
                _ => throw new FormatException($"unknown argument '{args[i]}'"),
            };
        }

        return options.Hz > 0 ? options : throw new FormatException("--hz must be positive");
    }

    private static BambuSimulatorProfile ParseProfile(string value) => value.ToLowerInvariant() switch
    {
        "x1c" => BambuSimulatorProfile.X1C,
        "p1s" => BambuSimulatorProfile.P1S,
        "a1mini" => BambuSimulatorProfile.A1Mini,
        _ => throw new FormatException($"unknown profile '{value}'"),
    };
}
