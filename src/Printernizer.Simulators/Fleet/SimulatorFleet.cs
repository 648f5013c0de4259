using System.Text;
using System.Text.Json;
using Printernizer.Simulators.Bambu;
using Printernizer.Simulators.Prusa;
using Printernizer.Simulators.Tls;

namespace Printernizer.Simulators.Fleet;

/// <summary>
/// The benchmark's printers: Bambu printers each with its own TLS broker and port (as real
/// printers are separate hosts) sharing one certificate, and PrusaLink printers each on its own port.
/// </summary>
internal sealed class SimulatorFleet : IAsyncDisposable
{
    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 _certificate;
    private readonly BambuSimulatorFleet _bambu;
    private readonly IReadOnlyList<PrusaLinkSimulator> _prusa;
    private readonly PrusaSimulatorOptions _prusaOptions;
    private readonly CancellationTokenSource _stop;
    private readonly List<Task> _background = [];
    private double _floodPerPrinter;

    private SimulatorFleet(
        System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, BambuSimulatorFleet bambu,
        IReadOnlyList<PrusaLinkSimulator> prusa, PrusaSimulatorOptions prusaOptions, CancellationToken cancellationToken)
    {
        _certificate = certificate;
        _bambu = bambu;
        _prusa = prusa;
        _prusaOptions = prusaOptions;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    public static async Task<SimulatorFleet> StartAsync(FleetOptions options, CancellationToken cancellationToken)
    {
        var certificate = SelfSignedCertificateFactory.Create("printernizer-fleet", TimeProvider.System);
        var template = new BambuSimulatorOptions
        {
            Profile = options.Profile,
            Certificate = certificate,
            Tick = TimeSpan.FromSeconds(1 / options.Hz),
            StampEvery = options.StampEvery,
            StampEpoch = options.StampEpoch,
            JobDuration = options.JobDuration,
            // 1,000 keep-alive monitor threads waking every 500 ms kept the machine's load
            // average near 70 and the simulator at most of a core during start-up (profile, 2026-12-04).
            KeepAliveMonitorInterval = TimeSpan.FromSeconds(30),
        };
        var bambu = await BambuSimulatorFleet.StartAsync(options.Bambu, template, cancellationToken: cancellationToken).ConfigureAwait(false);
        var prusaOptions = new PrusaSimulatorOptions { JobDuration = options.JobDuration };
        var prusa = await PrusaLinkSimulator.StartFleetAsync(options.Prusa, prusaOptions, cancellationToken).ConfigureAwait(false);
        var fleet = new SimulatorFleet(certificate, bambu, prusa, prusaOptions, cancellationToken);
        // A farm at any moment has its printers somewhere in their jobs, heaters at temperature;
        // all of them heating up at once would be a farm's first minute, not its steady state.
        var random = new Random(7);
        foreach (var printer in bambu.Printers)
        {
            printer.StartJob(alreadyElapsed: options.JobDuration * (0.3 + (0.6 * random.NextDouble())));
            fleet._background.Add(printer.FloodAsync(() => Volatile.Read(ref fleet._floodPerPrinter), fleet._stop.Token));
        }

        foreach (var printer in prusa)
        {
            fleet._background.Add(PrusaSimulatorCli.PlayJobsAsync(printer, fleet._stop.Token));
        }

        return fleet;
    }

    /// <summary>Total deltas per second over all Bambu printers; negative: as fast as possible.</summary>
    public void SetFloodRate(double total) =>
        Volatile.Write(ref _floodPerPrinter, total < 0 ? -1 : total / Math.Max(1, _bambu.Printers.Count));

    public string DescribeJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteStartArray("bambu");
            foreach (var p in _bambu.Printers)
            {
                w.WriteStartObject();
                w.WriteString("serial", p.Serial);
                w.WriteString("host", p.Host);
                w.WriteNumber("port", p.Port);
                w.WriteString("access_code", p.AccessCode);
                w.WriteString("profile", p.Profile.ToString());
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("prusa");
            foreach (var p in _prusa)
            {
                w.WriteStartObject();
                w.WriteString("host", p.Options.Address.ToString());
                w.WriteNumber("port", p.Port);
                w.WriteString("username", _prusaOptions.Username);
                w.WriteString("password", _prusaOptions.Password);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>One line per interval: <c>{"stats":{"bambu_reports":N,"prusa_requests":N}}</c>, counts since start.</summary>
    public async Task ReportStatsAsync(TextWriter output, TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var reports = _bambu.Printers.Sum(p => p.ReportsSent);
                var requests = _prusa.Sum(p => (long)p.RequestCount);
                await output.WriteLineAsync($"{{\"stats\":{{\"bambu_reports\":{reports},\"prusa_requests\":{requests}}}}}").ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_background).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        await _bambu.DisposeAsync().ConfigureAwait(false);
        foreach (var printer in _prusa)
        {
            await printer.DisposeAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
        _certificate.Dispose();
    }
}
