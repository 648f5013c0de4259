using System.Diagnostics;
using System.Globalization;
using Printernizer.Bridge.FaultTests.Infrastructure;
using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Simulators.Bambu;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.FaultTests;

/// <summary>
/// Scenario 12: 50 simulated printers through repeated jobs and faults against the bridge as a
/// real process. One minute by default (CI); <c>PRINTERNIZER_SOAK_MINUTES=30</c> for the long run.
/// </summary>
public sealed class SoakTests : IAsyncLifetime
{
    private const int BambuCount = 10;
    private const int PrusaCount = 40;

    private readonly ITestOutputHelper _output;
    private readonly string _dir = Directory.CreateTempSubdirectory("printernizer-soak-").FullName;
    private readonly List<BambuSimulator> _bambu = [];
    private readonly List<PrusaLinkSimulator> _prusa = [];
    private TestBroker _broker = null!;

    public SoakTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private static double Minutes =>
        double.TryParse(Environment.GetEnvironmentVariable("PRINTERNIZER_SOAK_MINUTES"), NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m > 0 ? m : 1;

    public async Task InitializeAsync()
    {
        _broker = await TestBroker.StartAsync();
        for (var i = 0; i < BambuCount; i++)
        {
            _bambu.Add(await BambuSimulator.StartAsync(SimulatedPrinters.BambuOptions(200 + i, TimeSpan.FromSeconds(40), i % 2 == 0 ? BambuSimulatorProfile.X1C : BambuSimulatorProfile.P1S)));
        }

        for (var i = 0; i < PrusaCount; i++)
        {
            _prusa.Add(await PrusaLinkSimulator.StartAsync(SimulatedPrinters.PrusaOptions(200 + i, TimeSpan.FromSeconds(30))));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var printer in _bambu)
        {
            await printer.DisposeAsync();
        }

        foreach (var printer in _prusa)
        {
            await printer.DisposeAsync();
        }

        await _broker.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    [Trait("Category", "Soak")]
    public async Task FiftyPrintersJobsAndFaults_MemoryAndHandlesFlatNoUnhandledExceptions()
    {
        var config = new ConfigFile();
        for (var i = 0; i < BambuCount; i++)
        {
            config.Bambu($"bambu-{i:00}", _bambu[i]);
        }

        for (var i = 0; i < PrusaCount; i++)
        {
            config.Prusa($"prusa-{i:00}", _prusa[i]);
        }

        var duration = TimeSpan.FromMinutes(Minutes);
        // A 30-minute run measured RSS rising for the first ~12 minutes (GC generation budgets and
        // tiered JIT settling) and flat after; a long run therefore measures after 10 minutes.
        var warmUp = duration >= TimeSpan.FromMinutes(30)
            ? TimeSpan.FromMinutes(10)
            : TimeSpan.FromSeconds(Math.Min(120, Math.Max(20, duration.TotalSeconds / 10)));
        var events = 0;
        await using var capture = await TimedCapture.ConnectAsync(_broker, Stopwatch.StartNew(), "printernizer/+/event");
        // Run as the container and the add-on run it (their Dockerfiles set the same).
        await using var bridge = BridgeProcess.Start(new Dictionary<string, string?> { ["MALLOC_ARENA_MAX"] = "2" }, "--config", config.Write(_dir, _broker));
        var random = new Random(12);
        var watch = Stopwatch.StartNew();
        var faults = 0;
        var samples = new List<string>();
        var measured = new List<(TimeSpan At, ProcessFigures Figures)>();
        while (watch.Elapsed < duration + warmUp)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.False(bridge.HasExited, "the bridge exited:\n" + bridge.Output);
            KeepPrinting();
            faults += await InjectFaultAsync(random);
            if (watch.Elapsed >= warmUp)
            {
                var figures = ProcessFigures.Read(bridge.Id);
                measured.Add((watch.Elapsed - warmUp, figures));
                if (samples.Count < 1 + (int)((watch.Elapsed - warmUp) / TimeSpan.FromMinutes(5)))
                {
                    samples.Add($"{watch.Elapsed.TotalMinutes:0.0} min: {figures}");
                }
            }
        }

        // Start and end are medians over a window (5 minutes, or a fifth of a short run): a single
        // reading lands anywhere in a GC cycle, which moved the private memory by ±20 % between samples.
        var window = duration >= TimeSpan.FromMinutes(25) ? TimeSpan.FromMinutes(5) : duration / 5;
        var start = ProcessFigures.Median(measured.Where(m => m.At <= window).Select(m => m.Figures).ToArray());
        var end = ProcessFigures.Median(measured.Where(m => m.At >= duration - window).Select(m => m.Figures).ToArray());
        events = capture.Messages.Count;
        bridge.Terminate();
        var code = await bridge.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var output = bridge.Output;
        var growth = (end.RssKiB - start.RssKiB) / (double)start.RssKiB;
        var privateGrowth = (end.PrivateKiB - start.PrivateKiB) / (double)start.PrivateKiB;
        foreach (var sample in samples)
        {
            _output.WriteLine(sample);
        }

        _output.WriteLine($"soak {duration.TotalMinutes:0.#} min after {warmUp.TotalSeconds:0} s warm-up, 50 printers ({BambuCount} Bambu, {PrusaCount} Prusa), {faults} faults injected, {events} events published");
        _output.WriteLine($"start (median of the first {window.TotalMinutes:0.#} min after warm-up): {start}");
        _output.WriteLine($"end   (median of the last {window.TotalMinutes:0.#} min): {end}");
        _output.WriteLine($"RSS growth {growth * 100:0.0} %, private memory growth {privateGrowth * 100:0.0} %, handles {start.Handles} -> {end.Handles}; exit code {code}");
        var crashes = output.Split('\n').Where(l => l.Contains("   at ", StringComparison.Ordinal) || l.Contains("[FTL]", StringComparison.Ordinal)
            || l.Contains("Unhandled", StringComparison.OrdinalIgnoreCase) || l.Contains("connection loop failed", StringComparison.Ordinal)).ToArray();
        _output.WriteLine($"unhandled exceptions / crash lines in the bridge's output: {crashes.Length}");

        Assert.Empty(crashes);
        Assert.Equal(0, code);
        Assert.True(events > 0, "no job events in the whole soak");

        // The bound is 5 % after 30 minutes; a short CI run still carries start-up noise, so it gets more room.
        var allowed = duration >= TimeSpan.FromMinutes(30) ? 0.05 : 0.30;
        Assert.True(growth < allowed, $"RSS grew {growth * 100:0.0} % (allowed {allowed * 100:0} %)");
        if (duration >= TimeSpan.FromMinutes(30))
        {
            // A one-minute CI run is still warming up its private memory (JIT, pools); only the long run bounds it.
            Assert.True(privateGrowth < allowed, $"private memory grew {privateGrowth * 100:0.0} % (allowed {allowed * 100:0} %)");
        }
        Assert.True(end.Handles <= (start.Handles * 1.25) + 10, $"handles {start.Handles} -> {end.Handles}");
        SecretScan.AssertClean(_bambu.Select(b => b.AccessCode).Concat(_prusa.Select(p => p.Options.Password)).ToArray(), [], capture.AsCaptured(), output);
    }

    private void KeepPrinting()
    {
        foreach (var printer in _bambu.Where(p => p.GcodeState is "FINISH" or "IDLE" or "FAILED"))
        {
            printer.StartJob("soak");
        }

        foreach (var printer in _prusa)
        {
            var state = printer.Snapshot.State;
            if (state is "FINISHED" or "STOPPED")
            {
                printer.AcknowledgeEnd();
            }
            else if (state is "IDLE" or "READY")
            {
                printer.StartJob();
            }
        }
    }

    /// <summary>One fault per tick on a random printer; earlier faults are cleared first.</summary>
    private async Task<int> InjectFaultAsync(Random random)
    {
        foreach (var printer in _bambu)
        {
            printer.SetFault(BambuSimulatorFault.None);
        }

        foreach (var printer in _prusa)
        {
            printer.SetFault(PrusaFault.None);
        }

        switch (random.Next(6))
        {
            case 0:
                await _bambu[random.Next(BambuCount)].DropClientsAsync();
                break;
            case 1:
                await _bambu[random.Next(BambuCount)].RestartAsync();
                break;
            case 2:
                _bambu[random.Next(BambuCount)].SetFault(BambuSimulatorFault.Malformed);
                break;
            case 3:
                await _prusa[random.Next(PrusaCount)].RestartAsync();
                break;
            default:
                _prusa[random.Next(PrusaCount)].SetFault(random.Next(3) switch { 0 => PrusaFault.Drop, 1 => PrusaFault.ServiceUnavailable, _ => PrusaFault.BadJson });
                break;
        }

        return 1;
    }
}
