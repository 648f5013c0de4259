using Microsoft.Extensions.Logging;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Printers;
using Printernizer.Bridge.Printers.Bambu;
using Printernizer.Simulators.Bambu;

namespace Printernizer.Bridge.IntegrationTests.Bambu;

/// <summary>A simulated printer on loopback TLS and a real adapter connected to it, with shortened intervals.</summary>
internal sealed class BambuAdapterHarness : IAsyncDisposable
{
    public const string PrinterId = "bench_x1c";

    private readonly CancellationTokenSource _stop = new();
    private readonly ILoggerFactory _loggerFactory;
    private Task _run = Task.CompletedTask;

    private BambuAdapterHarness(BambuSimulator simulator, string stateDirectory)
    {
        Simulator = simulator;
        StateDirectory = stateDirectory;
        _loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(Logs));
    }

    public BambuSimulator Simulator { get; }
    public string StateDirectory { get; }
    public CollectingStateSink Sink { get; } = new();
    public ListLoggerProvider Logs { get; } = new();
    public BambuPrinterAdapter Adapter { get; private set; } = null!;

    public static async Task<BambuAdapterHarness> StartAsync(
        BambuSimulatorOptions simulator,
        Func<BambuSettings, BambuSettings>? tune = null,
        string? accessCode = null)
    {
        var sim = await BambuSimulator.StartAsync(simulator with { Tick = simulator.Tick == TimeSpan.FromSeconds(1) ? TimeSpan.FromMilliseconds(200) : simulator.Tick });
        var harness = new BambuAdapterHarness(sim, Directory.CreateTempSubdirectory("bambu-it-").FullName);
        var settings = new BambuSettings(sim.Serial, accessCode ?? sim.AccessCode, null, false, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5))
        {
            ReconnectBase = TimeSpan.FromMilliseconds(100),
            ReconnectCap = TimeSpan.FromSeconds(1),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            CommandTimeout = TimeSpan.FromSeconds(10),
            KeepAlive = TimeSpan.FromSeconds(5),
        };
        settings = tune?.Invoke(settings) ?? settings;
        harness.Start(settings);
        return harness;
    }

    public Task<PrinterState> WaitOnlineAsync() =>
        Sink.WaitForAsync(s => s.Online && s.HasData && s.Model is not null, "online with data and model");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(TimeSpan.FromSeconds(30));
        await Adapter.DisposeAsync();
        await Simulator.DisposeAsync();
        _loggerFactory.Dispose();
        _stop.Dispose();
        Directory.Delete(StateDirectory, recursive: true);
    }

    private void Start(BambuSettings settings)
    {
        var definition = new PrinterDefinition(PrinterId, "Bench X1C", "bambu_lab", Simulator.Host, Simulator.Port, null, settings);
        var context = new PrinterAdapterContext(TimeProvider.System, _loggerFactory, StateDirectory);
        Adapter = (BambuPrinterAdapter)new BambuPrinterType().CreateAdapter(definition, context);
        _run = Task.Run(() => Adapter.RunAsync(Sink, _stop.Token));
    }
}
