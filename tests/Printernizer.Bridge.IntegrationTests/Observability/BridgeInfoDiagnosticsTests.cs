using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Bridge.Printers;

namespace Printernizer.Bridge.IntegrationTests.Observability;

/// <summary><c>bridge/info</c> carries uptime, connection summary and counters, refreshed at most every 30 s.</summary>
public sealed class BridgeInfoDiagnosticsTests : IAsyncLifetime
{
    private const string Info = "printernizer/bridge/info";
    private readonly string _stateDir = Directory.CreateTempSubdirectory("printernizer-info-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private TestBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await TestBroker.StartAsync();

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        Directory.Delete(_stateDir, recursive: true);
    }

    [Fact]
    public async Task BridgeInfo_AfterThirtySeconds_IsRepublishedWithUptimeConnectionAndCounters()
    {
        var fakes = new FakePrinterType();
        var printers = BridgeTestHost.CreateConfig(_broker, _stateDir, true, "x1c").Printers;
        await using var bridge = await ObservedBridge.StartAsync(
            _broker, _stateDir, printers, registry: new PrinterTypeRegistry([fakes]), configure: s => s.AddSingleton<TimeProvider>(_time));
        await using var capture = await MqttCapture.ConnectAsync(_broker, "printernizer/#");
        var first = await capture.WaitForAsync(m => m.Topic == Info, "first bridge/info");
        Assert.True(first.Retain);
        Assert.Equal(0, first.Json.GetProperty("uptime_s").GetInt64());
        Assert.False(first.Json.GetProperty("printers")[0].GetProperty("connection").GetProperty("online").GetBoolean());

        await fakes["x1c"].ReportAsync(FakePrinterAdapter.Printing());
        await capture.PublishAsync("printernizer/x1c/command", "pause");
        await capture.WaitForAsync(m => m.Topic == "printernizer/x1c/command/result", "pause answered");
        _time.Advance(TimeSpan.FromSeconds(10));
        var infosBefore = capture.On(Info).Count;
        _time.Advance(TimeSpan.FromSeconds(25));

        var refreshed = await capture.WaitForAsync(m => m.Topic == Info && m.Json.GetProperty("uptime_s").GetInt64() >= 30, "bridge/info after 30 s");
        var printer = refreshed.Json.GetProperty("printers")[0];
        Assert.True(refreshed.Retain);
        Assert.Equal(infosBefore, capture.On(Info).Count - 1);
        Assert.True(printer.GetProperty("connection").GetProperty("online").GetBoolean());
        Assert.Equal("2026-11-25T12:00:00+00:00", printer.GetProperty("connection").GetProperty("since").GetString());
        Assert.Equal(1, printer.GetProperty("counters").GetProperty("commands_ok").GetInt64());
        Assert.Equal(0, printer.GetProperty("counters").GetProperty("reconnects").GetInt64());
    }
}
