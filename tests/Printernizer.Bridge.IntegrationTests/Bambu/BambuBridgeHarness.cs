using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Hosting;
using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Bridge.Printers;
using Printernizer.Simulators.Bambu;
using Serilog;
using Serilog.Core;

namespace Printernizer.Bridge.IntegrationTests.Bambu;

/// <summary>
/// The real bridge host, in process, with the real printer types, against a real broker and
/// Bambu simulators over TLS on loopback; a capture subscribed to everything from the start.
/// </summary>
internal sealed class BambuBridgeHarness : IAsyncDisposable
{
    private readonly Dictionary<string, BambuSimulator> _simulators;
    private readonly Logger _logger;
    private IHost? _host;

    private BambuBridgeHarness(
        TestBroker broker, MqttCapture capture, Dictionary<string, BambuSimulator> simulators, string stateDir, BridgeLogCollector logs, Logger logger)
    {
        Logs = logs;
        Broker = broker;
        Capture = capture;
        _simulators = simulators;
        StateDir = stateDir;
        _logger = logger;
    }

    public TestBroker Broker { get; }

    public MqttCapture Capture { get; }

    public string StateDir { get; }

    public BridgeConfig Config { get; private set; } = null!;

    public BridgeLogCollector Logs { get; }

    public BambuSimulator this[string printerId] => _simulators[printerId];

    /// <param name="configure">Replaces services of the host, e.g. the adapters' clock.</param>
    public static async Task<BambuBridgeHarness> StartAsync(IReadOnlyList<BambuBridgePrinter> printers, Action<IServiceCollection>? configure = null)
    {
        var broker = await TestBroker.StartAsync();
        var capture = await MqttCapture.ConnectAsync(broker);
        var simulators = new Dictionary<string, BambuSimulator>(StringComparer.Ordinal);
        foreach (var printer in printers)
        {
            var options = printer.Simulator.Tick == TimeSpan.FromSeconds(1) ? printer.Simulator with { Tick = TimeSpan.FromMilliseconds(250) } : printer.Simulator;
            simulators[printer.Id] = await BambuSimulator.StartAsync(options);
        }

        var stateDir = Directory.CreateTempSubdirectory("bambu-bridge-").FullName;
        var collector = new BridgeLogCollector();
        var logger = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(collector).CreateLogger();
        var harness = new BambuBridgeHarness(broker, capture, simulators, stateDir, collector, logger);
        harness.Config = BambuBridgeConfig.Create(broker, stateDir, printers.Select(p => (p, simulators[p.Id])).ToArray());
        harness._host = BridgeHost.Build(harness.Config, PrinterTypeCatalog.CreateRegistry(), logger, configure);
        await harness._host.StartAsync();
        return harness;
    }

    /// <summary>Event types published on <c>printernizer/&lt;id&gt;/event</c>, in order.</summary>
    public IReadOnlyList<string> Events(string printerId) =>
        Capture.On($"printernizer/{printerId}/event").Select(m => m.Json.GetProperty("event_type").GetString()!).ToArray();

    public Task<CapturedMessage> WaitForEventAsync(string printerId, string eventType) =>
        Capture.WaitForAsync(
            m => m.Topic == $"printernizer/{printerId}/event" && m.Json.GetProperty("event_type").GetString() == eventType,
            $"event {eventType} of {printerId}",
            TimeSpan.FromSeconds(30));

    /// <summary>Waits for a message on <c>printernizer/&lt;id&gt;/&lt;topic&gt;</c> matching <paramref name="predicate"/> that was not captured yet.</summary>
    public Task<CapturedMessage> WaitForNewAsync(string printerId, string topic, Func<System.Text.Json.JsonElement, bool> predicate, string what)
    {
        var seen = Capture.Messages.ToHashSet(ReferenceEqualityComparer.Instance);
        var name = $"printernizer/{printerId}/{topic}";
        return Capture.WaitForAsync(m => m.Topic == name && !seen.Contains(m) && predicate(m.Json), what, TimeSpan.FromSeconds(30));
    }

    /// <summary>Waits for a state message of <paramref name="printerId"/> matching <paramref name="predicate"/>, captured at any time.</summary>
    public Task<CapturedMessage> WaitForStateAsync(string printerId, Func<System.Text.Json.JsonElement, bool> predicate, string what) =>
        Capture.WaitForAsync(m => m.Topic == $"printernizer/{printerId}/state" && predicate(m.Json), what, TimeSpan.FromSeconds(30));

    public static bool Is(System.Text.Json.JsonElement json, string property, string value) =>
        json.TryGetProperty(property, out var p) && p.ValueKind == System.Text.Json.JsonValueKind.String && p.GetString() == value;

    /// <summary>Stops the bridge (it publishes its offline state first); the broker and capture stay.</summary>
    public async Task StopBridgeAsync()
    {
        if (_host is { } host)
        {
            _host = null;
            await host.StopAsync();
            host.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopBridgeAsync();
        foreach (var simulator in _simulators.Values)
        {
            await simulator.DisposeAsync();
        }

        await Capture.DisposeAsync();
        await Broker.DisposeAsync();
        await _logger.DisposeAsync();
        Directory.Delete(StateDir, recursive: true);
    }
}
