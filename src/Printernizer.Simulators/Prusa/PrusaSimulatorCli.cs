using System.Globalization;

namespace Printernizer.Simulators.Prusa;

/// <summary>
/// <c>prusa [--count N] [--flavour buddy|pi] [--port P] [--password S] [--api-key K] [--job-duration SECONDS]</c>:
/// serves N printers that print, finish and start again until Ctrl+C.
/// </summary>
internal static class PrusaSimulatorCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new PrusaSimulatorOptions();
        var count = 1;
        var passwordGiven = false;
        for (var i = args.Length > 0 && args[0] == "prusa" ? 1 : 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--count" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 1000:
                    count = n;
                    break;
                case "--flavour" when value is "buddy" or "pi":
                    options = options with { Flavour = value == "pi" ? PrusaFlavour.Pi : PrusaFlavour.Buddy };
                    break;
                case "--port" when int.TryParse(value, CultureInfo.InvariantCulture, out var port) && port is >= 0 and <= 65535:
                    options = options with { Port = port };
                    break;
                case "--password" when value is not null:
                    options = options with { Password = value };
                    passwordGiven = true;
                    break;
                case "--api-key" when value is not null:
                    options = options with { ApiKey = value };
                    break;
                case "--job-duration" when int.TryParse(value, CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
                    options = options with { JobDuration = TimeSpan.FromSeconds(seconds) };
                    break;
                default:
                    await Console.Error.WriteLineAsync($"prusa: unknown or invalid option '{args[i]}'").ConfigureAwait(false);
                    await Console.Error.WriteLineAsync("usage: prusa [--count N] [--flavour buddy|pi] [--port P] [--password S] [--api-key K] [--job-duration SECONDS]").ConfigureAwait(false);
                    return 2;
            }

            i++;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        var fleet = await PrusaLinkSimulator.StartFleetAsync(count, options, stop.Token).ConfigureAwait(false);
        foreach (var (simulator, index) in fleet.Select((s, i) => (s, i + 1)))
        {
            Console.WriteLine($"prusa[{index}] {options.Flavour.ToString().ToLowerInvariant()} {simulator.BaseUri} user '{options.Username}'");
        }

        Console.WriteLine(passwordGiven ? "password: as given with --password" : "password: the simulator default (see PrusaSimulatorOptions.Password)");
        try
        {
            await Task.WhenAll(fleet.Select(s => PlayJobsAsync(s, stop.Token))).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl+C.
        }
        finally
        {
            foreach (var simulator in fleet)
            {
                await simulator.DisposeAsync().ConfigureAwait(false);
            }
        }

        return 0;
    }

    /// <summary>Idle a while, print, show "finished" a while, again.</summary>
    internal static async Task PlayJobsAsync(PrusaLinkSimulator simulator, CancellationToken cancellationToken)
    {
        var time = simulator.Options.TimeProvider;
        var pause = TimeSpan.FromSeconds(10);
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(pause, time, cancellationToken).ConfigureAwait(false);
            if (simulator.Snapshot.State == "IDLE")
            {
                simulator.StartJob();
            }

            while (simulator.Snapshot.State is "PRINTING" or "PAUSED")
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken).ConfigureAwait(false);
            }

            await Task.Delay(pause, time, cancellationToken).ConfigureAwait(false);
            simulator.AcknowledgeEnd();
        }
    }
}
