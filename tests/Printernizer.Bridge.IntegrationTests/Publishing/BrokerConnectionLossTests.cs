using Printernizer.Bridge.IntegrationTests.Infrastructure;

namespace Printernizer.Bridge.IntegrationTests.Publishing;

public sealed class BrokerConnectionLossTests : IAsyncLifetime
{
    private readonly string _stateDir = Directory.CreateTempSubdirectory("printernizer-state-").FullName;
    private TestBroker _broker = null!;
    private MqttCapture _capture = null!;
    private TcpProxy _proxy = null!;

    public async Task InitializeAsync()
    {
        _broker = await TestBroker.StartAsync();
        _capture = await MqttCapture.ConnectAsync(_broker);
        _proxy = new TcpProxy(_broker.Port);
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _capture.DisposeAsync();
        await _broker.DisposeAsync();
        Directory.Delete(_stateDir, recursive: true);
    }

    [Fact]
    public async Task ConnectionKilledWithoutDisconnect_LastWillSetsOfflineThenBridgeComesBack()
    {
        var config = BridgeTestHost.CreateConfig(_broker, _stateDir, true, "x1c");
        config = config with { Mqtt = config.Mqtt with { Port = _proxy.Port } };
        await using var bridge = await BridgeTestHost.StartAsync(config);
        await bridge.Printers["x1c"].ReportAsync(FakePrinterAdapter.Printing());
        await _capture.WaitForAsync(m => m.Topic == "printernizer/x1c/state", "state");

        _proxy.Cut(refuseNew: true);
        var offline = await _capture.WaitForAsync("printernizer/bridge/state", "offline");
        Assert.True(offline.Retain);

        // Published while the broker is out of reach: must arrive after the reconnect.
        await bridge.Printers["x1c"].ReportAsync(FakePrinterAdapter.Printing(percent: 77));
        _proxy.Restore();

        await _capture.WaitForAsync(
            m => m.Topic == "printernizer/bridge/state" && m.Text == "online" && _capture.Messages.ToList().IndexOf(m) > _capture.Messages.ToList().IndexOf(offline),
            "online again",
            TimeSpan.FromSeconds(30));
        try
        {
            await _capture.WaitForAsync(m => m.Topic == "printernizer/x1c/progress" && m.Text.Contains("\"percent\":77"), "state published during the outage", TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(ex.Message + "\nLOGS:\n" + string.Join("\n", bridge.Logs.Select(l => l.Timestamp.ToString("HH:mm:ss.fff") + " " + l.RenderMessage() + " " + l.Exception)));
        }
        await _capture.PublishAsync("printernizer/x1c/command", "pause");
        var result = await _capture.WaitForAsync(m => m.Topic == "printernizer/x1c/command/result", "command after reconnect", TimeSpan.FromSeconds(30));
        Assert.Equal("ok", result.Json.GetProperty("status").GetString());
    }
}
