using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Simulators.Bambu;

namespace Printernizer.Bridge.IntegrationTests.Observability;

/// <summary><c>bridge/request/restart_printer</c> against a simulated Bambu printer through the real host.</summary>
public sealed class RestartPrinterTests : IAsyncLifetime
{
    private const string Request = "printernizer/bridge/request/restart_printer";
    private const string Response = "printernizer/bridge/response/restart_printer";
    private readonly string _stateDir = Directory.CreateTempSubdirectory("printernizer-restart-").FullName;
    private TestBroker _broker = null!;
    private BambuSimulator _bambu = null!;

    public async Task InitializeAsync()
    {
        _broker = await TestBroker.StartAsync();
        _bambu = await BambuSimulator.StartAsync(new BambuSimulatorOptions { Tick = TimeSpan.FromMilliseconds(200) });
    }

    public async Task DisposeAsync()
    {
        await _bambu.DisposeAsync();
        await _broker.DisposeAsync();
        Directory.Delete(_stateDir, recursive: true);
    }

    [Fact]
    public async Task RestartPrinter_JsonRequest_ReconnectsThatPrinterAndAnswersWithTransaction()
    {
        await using var bridge = await ObservedBridge.StartAsync(_broker, _stateDir, [ObservedBridge.Bambu("x1c", _bambu)]);
        await using var capture = await MqttCapture.ConnectAsync(_broker, "printernizer/#");
        await capture.WaitForAsync("printernizer/x1c/availability", "online");
        var attemptsBefore = _bambu.ConnectionAttempts;

        await capture.PublishAsync(Request, """{"printer": "x1c", "transaction": "tx-7"}""");
        var answer = await capture.WaitForAsync(m => m.Topic == Response && m.Text.Contains("tx-7", StringComparison.Ordinal), "restart answer");

        Assert.Equal("ok", answer.Json.GetProperty("status").GetString());
        Assert.Equal("x1c", answer.Json.GetProperty("printer").GetString());
        Assert.False(answer.Retain);
        await bridge.WaitForAsync("/metrics", (_, _) => _bambu.ConnectionAttempts > attemptsBefore, "a new connection to the printer");
        var reconnected = await bridge.WaitForAsync(
            "/metrics",
            (_, body) => body.Contains("printernizer_printer_reconnects_total{printer=\"x1c\",type=\"bambu_lab\"} 1", StringComparison.Ordinal)
                && body.Contains("printernizer_printer_connected{printer=\"x1c\",type=\"bambu_lab\"} 1", StringComparison.Ordinal),
            "connected again, counted as a reconnect");
        Assert.Equal(200, reconnected.Status);
    }

    [Fact]
    public async Task RestartPrinter_UnknownPrinterOrGarbage_AnswersError()
    {
        await using var bridge = await ObservedBridge.StartAsync(_broker, _stateDir, [ObservedBridge.Bambu("x1c", _bambu)]);
        await using var capture = await MqttCapture.ConnectAsync(_broker, "printernizer/bridge/#");
        await capture.WaitForAsync(m => m.Topic == "printernizer/bridge/state" && m.Text == "online", "bridge online");

        await capture.PublishAsync(Request, "nope");
        await capture.PublishAsync(Request, """{"transaction": "tx-8"}""");
        var unknown = await capture.WaitForAsync(m => m.Topic == Response && m.Text.Contains("nope", StringComparison.Ordinal), "unknown printer answer");
        var missing = await capture.WaitForAsync(m => m.Topic == Response && m.Text.Contains("tx-8", StringComparison.Ordinal), "missing printer answer");

        Assert.Equal("error", unknown.Json.GetProperty("status").GetString());
        Assert.Equal("unknown printer 'nope'", unknown.Json.GetProperty("error").GetString());
        Assert.Equal("error", missing.Json.GetProperty("status").GetString());
        Assert.StartsWith("missing \"printer\"", missing.Json.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
