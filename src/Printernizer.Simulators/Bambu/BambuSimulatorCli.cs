using System.Globalization;

namespace Printernizer.Simulators.Bambu;

/// <summary>
/// <c>bambu [--count N] [--port FIRST] [--profile x1c|p1s|a1mini] [--access-code CODE] [--job-duration SECONDS] [--print]</c>:
/// starts simulated printers and prints one line per printer until Ctrl+C.
/// </summary>
internal static class BambuSimulatorCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BambuSimulatorOptions();
        int count = 1, firstPort = 0;
        var startJobs = false;
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--count": count = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--port": firstPort = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--profile": options = options with { Profile = ParseProfile(args[++i]) }; break;
                    case "--access-code": options = options with { AccessCode = args[++i] }; break;
                    case "--job-duration": options = options with { JobDuration = TimeSpan.FromSeconds(double.Parse(args[++i], CultureInfo.InvariantCulture)) }; break;
                    case "--print": startJobs = true; break;
                    default: throw new FormatException($"unknown argument '{args[i]}'");
                }
            }
        }
        catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or OverflowException)
        {
            await Console.Error.WriteLineAsync($"bambu: {ex.Message}\nusage: bambu [--count N] [--port FIRST] [--profile x1c|p1s|a1mini] [--access-code CODE] [--job-duration SECONDS] [--print]").ConfigureAwait(false);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        await using var fleet = await BambuSimulatorFleet.StartAsync(count, options, firstPort, stop.Token).ConfigureAwait(false);
        Console.WriteLine("host\tport\tserial\taccess_code\tprofile\tcertificate_sha256");
        foreach (var printer in fleet.Printers)
        {
            if (startJobs)
            {
                printer.StartJob();
            }

            Console.WriteLine($"{printer.Host}\t{printer.Port}\t{printer.Serial}\t{printer.AccessCode}\t{printer.Profile}\t{printer.CertificateSha256}");
        }

        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C.
        }

        return 0;
    }

    private static BambuSimulatorProfile ParseProfile(string value) => value.ToLowerInvariant() switch
    {
        "x1c" => BambuSimulatorProfile.X1C,
        "p1s" => BambuSimulatorProfile.P1S,
        "a1mini" or "a1_mini" or "a1-mini" => BambuSimulatorProfile.A1Mini,
        _ => throw new FormatException($"unknown profile '{value}'"),
    };
}
