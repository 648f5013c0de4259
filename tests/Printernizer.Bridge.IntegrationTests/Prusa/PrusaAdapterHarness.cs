using Microsoft.Extensions.Logging.Abstractions;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Printers;
using Printernizer.Bridge.Printers.Prusa;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.IntegrationTests.Prusa;

/// <summary>A simulator, an adapter pointed at it with shortened intervals, and the recorded states.</summary>
internal sealed class PrusaAdapterHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _run = Task.CompletedTask;

    private PrusaAdapterHarness(PrusaLinkSimulator simulator, PrusaPrinterAdapter adapter)
    {
        Simulator = simulator;
        Adapter = adapter;
    }

    public PrusaLinkSimulator Simulator { get; }

    public PrusaPrinterAdapter Adapter { get; }

    public RecordingStateSink Sink { get; } = new();

    public static PrusaSimulatorOptions SimulatorOptions(PrusaFlavour flavour) => new()
    {
        Flavour = flavour,
        Username = flavour == PrusaFlavour.Buddy ? "maker" : "pi-admin",
        Password = "right-password",
        JobDuration = TimeSpan.FromSeconds(3),
        Tick = TimeSpan.FromMilliseconds(100),
    };

    public static PrusaSettings Settings(PrusaSimulatorOptions simulator) =>
        new(simulator.Username, simulator.Password, null, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300), TimeSpan.FromHours(1))
        {
            RequestTimeout = TimeSpan.FromSeconds(2),
            BackoffBase = TimeSpan.FromMilliseconds(100),
            BackoffCap = TimeSpan.FromMilliseconds(500),
            FastPollWindow = TimeSpan.FromSeconds(2),
        };

    public static async Task<PrusaAdapterHarness> StartAsync(
        PrusaFlavour flavour,
        Func<PrusaSimulatorOptions, PrusaSimulatorOptions>? simulator = null,
        Func<PrusaSettings, PrusaSettings>? settings = null)
    {
        var simulatorOptions = (simulator ?? (o => o))(SimulatorOptions(flavour));
        var sim = await PrusaLinkSimulator.StartAsync(simulatorOptions);
        var printerSettings = (settings ?? (s => s))(Settings(simulatorOptions));
        var definition = new PrinterDefinition("prusa-test", "Prusa test", "prusa", "127.0.0.1", sim.Port, null, printerSettings);
        var context = new PrinterAdapterContext(TimeProvider.System, NullLoggerFactory.Instance, Path.GetTempPath());
        var adapter = (PrusaPrinterAdapter)new PrusaPrinterType().CreateAdapter(definition, context);
        var harness = new PrusaAdapterHarness(sim, adapter);
        harness._run = adapter.RunAsync(harness.Sink, harness._stop.Token);
        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
        await Adapter.DisposeAsync();
        await Simulator.DisposeAsync();
        _stop.Dispose();
    }
}
