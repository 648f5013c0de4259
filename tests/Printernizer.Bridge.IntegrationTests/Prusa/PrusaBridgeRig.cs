using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Printernizer.Bridge.Hosting;
using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Bridge.Printers;
using Printernizer.Simulators.Prusa;
using Serilog;
using Serilog.Core;

namespace Printernizer.Bridge.IntegrationTests.Prusa;

/// <summary>
/// A real broker, PrusaLink simulators, and the real bridge host with the real printer types
/// (<see cref="PrinterTypeCatalog"/>) pointed at them; a capture records everything published.
/// </summary>
internal sealed class PrusaBridgeRig : IAsyncDisposable
{
    private readonly string _stateDir;
    private readonly Logger _logger;
    private IHost? _host;

    private PrusaBridgeRig(TestBroker broker, MqttCapture capture, IReadOnlyDictionary<string, PrusaLinkSimulator> simulators, string stateDir, Logger logger, CollectingLogSink logs)
    {
        Broker = broker;
        Capture = capture;
        Simulators = simulators;
        _stateDir = stateDir;
        _logger = logger;
        Logs = logs;
    }

    public TestBroker Broker { get; }

    public MqttCapture Capture { get; }

    public IReadOnlyDictionary<string, PrusaLinkSimulator> Simulators { get; }

    public CollectingLogSink Logs { get; }

    public static async Task<PrusaBridgeRig> StartAsync(params PrusaRigPrinter[] printers)
    {
        var broker = await TestBroker.StartAsync();
        var capture = await MqttCapture.ConnectAsync(broker);
        var simulators = new Dictionary<string, PrusaLinkSimulator>(StringComparer.Ordinal);
        var definitions = new List<Configuration.PrinterDefinition>();
        foreach (var printer in printers)
        {
            var simulator = await PrusaLinkSimulator.StartAsync(printer.Simulator);
            simulators[printer.Id] = simulator;
            var settings = (printer.Settings ?? (s => s))(PrusaBridgeConfig.FastSettings(printer.Simulator));
            definitions.Add(PrusaBridgeConfig.Printer(printer.Id, simulator, settings));
        }

        var stateDir = Directory.CreateTempSubdirectory("printernizer-prusa-state-").FullName;
        var logs = new CollectingLogSink();
        var logger = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(logs).CreateLogger();
        var rig = new PrusaBridgeRig(broker, capture, simulators, stateDir, logger, logs);
        var config = PrusaBridgeConfig.Create(broker, stateDir, definitions);
        rig._host = BridgeHost.Build(config, PrinterTypeCatalog.CreateRegistry(), logger);
        await rig._host.StartAsync();
        return rig;
    }

    public static string Topic(string id, string name) => $"printernizer/{id}/{name}";

    /// <summary>The event types published for <paramref name="id"/> so far, in order.</summary>
    public IReadOnlyList<string> Events(string id) =>
        Capture.On(Topic(id, "event")).Select(m => m.Json.GetProperty("event_type").GetString()!).ToArray();

    /// <summary>How many messages the capture holds: an index to wait from.</summary>
    public int Mark => Capture.Messages.Count;

    public Task<int> WaitForEventAsync(string id, string eventType, int after = 0) =>
        WaitForAsync(m => m.Topic == Topic(id, "event") && m.Json.GetProperty("event_type").GetString() == eventType, $"{eventType} event of {id}", after);

    public Task<int> WaitForAsync(string id, string name, Func<JsonElement, bool> predicate, int after = 0) =>
        WaitForAsync(m => m.Topic == Topic(id, name) && predicate(m.Json), $"matching message on {Topic(id, name)}", after);

    public Task<int> WaitForAvailabilityAsync(string id, string value, int after = 0) =>
        WaitForAsync(m => m.Topic == Topic(id, "availability") && m.Text == value, $"{value} on {Topic(id, "availability")}", after);

    /// <summary>The index of the first message from <paramref name="after"/> on that satisfies <paramref name="predicate"/>.</summary>
    public async Task<int> WaitForAsync(Func<CapturedMessage, bool> predicate, string what, int after = 0)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var messages = Capture.Messages;
            for (var i = after; i < messages.Count; i++)
            {
                if (predicate(messages[i]))
                {
                    return i;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                var seen = string.Join("\n", messages.TakeLast(25).Select(m => $"  {m.Topic} {m.Text}"));
                throw new TimeoutException($"Timed out waiting for {what}. Last messages:\n{seen}");
            }

            await Task.Delay(50);
        }
    }

    public CapturedMessage Message(int index) => Capture.Messages[index];

    /// <summary>Messages on one of <paramref name="id"/>'s topics from index <paramref name="after"/> on.</summary>
    public IReadOnlyList<CapturedMessage> On(string id, string name, int after = 0) =>
        Capture.Messages.Skip(after).Where(m => m.Topic == Topic(id, name)).ToArray();

    /// <summary>Publishes a command as a user's script would and returns the bridge's answer to it.</summary>
    public async Task<JsonElement> CommandAsync(string id, string command)
    {
        var transaction = Guid.NewGuid().ToString("N")[..8];
        await Capture.PublishAsync(Topic(id, "command"), $"{{\"command\":\"{command}\",\"transaction\":\"{transaction}\"}}");
        var result = await Capture.WaitForAsync(
            m => m.Topic == Topic(id, "command/result") && m.Json.GetProperty("transaction").GetString() == transaction,
            $"result of {command} ({transaction})",
            TimeSpan.FromSeconds(40));
        return result.Json;
    }

    /// <summary>SPEC §5 towards the printer: never a query string, never a second connection.</summary>
    public void AssertPoliteTo(string id)
    {
        var simulator = Simulators[id];
        Assert.NotEmpty(simulator.RequestLog);
        Assert.All(simulator.RequestLog, r => Assert.DoesNotContain("?", r.Target, StringComparison.Ordinal));
        Assert.InRange(simulator.MaxConcurrentConnections, 1, 1);
    }

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
        await _logger.DisposeAsync();
        foreach (var simulator in Simulators.Values)
        {
            await simulator.DisposeAsync();
        }

        await Capture.DisposeAsync();
        await Broker.DisposeAsync();
        try
        {
            Directory.Delete(_stateDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the test that already ran.
        }
    }
}
