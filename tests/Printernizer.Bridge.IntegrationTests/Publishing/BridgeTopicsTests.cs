using Printernizer.Bridge.Domain;
using Printernizer.Bridge.IntegrationTests.Infrastructure;

namespace Printernizer.Bridge.IntegrationTests.Publishing;

public sealed class BridgeTopicsTests : IAsyncLifetime
{
    private readonly string _stateDir = Directory.CreateTempSubdirectory("printernizer-state-").FullName;
    private TestBroker _broker = null!;
    private MqttCapture _capture = null!;

    public async Task InitializeAsync()
    {
        _broker = await TestBroker.StartAsync();
        _capture = await MqttCapture.ConnectAsync(_broker);
    }

    public async Task DisposeAsync()
    {
        await _capture.DisposeAsync();
        await _broker.DisposeAsync();
        Directory.Delete(_stateDir, recursive: true);
    }

    [Fact]
    public async Task Start_BrokerReachable_PublishesBridgeOnlineAndInfoRetained()
    {
        await using var bridge = await BridgeTestHost.StartAsync(BridgeTestHost.CreateConfig(_broker, _stateDir, true, "x1c"));

        var online = await _capture.WaitForAsync("printernizer/bridge/state", "online");
        var info = await _capture.WaitForAsync(m => m.Topic == "printernizer/bridge/info", "bridge/info");

        Assert.True(online.Retain);
        Assert.True(info.Retain);
        Assert.Equal("x1c", info.Json.GetProperty("printers")[0].GetProperty("id").GetString());
        Assert.Equal("fake", info.Json.GetProperty("printers")[0].GetProperty("type").GetString());
        Assert.StartsWith("mqtt://127.0.0.1:", info.Json.GetProperty("broker").GetString());
    }

    [Fact]
    public async Task Report_PrintingState_PublishesEveryTopicRetainedWithSpecShapes()
    {
        await using var bridge = await BridgeTestHost.StartAsync(BridgeTestHost.CreateConfig(_broker, _stateDir, true, "x1c"));

        await bridge.Printers["x1c"].ReportAsync(FakePrinterAdapter.Printing());

        var state = await _capture.WaitForAsync(m => m.Topic == "printernizer/x1c/state", "state");
        var temperature = await _capture.WaitForAsync(m => m.Topic == "printernizer/x1c/temperature", "temperature");
        var progress = await _capture.WaitForAsync(m => m.Topic == "printernizer/x1c/progress", "progress");
        var job = await _capture.WaitForAsync(m => m.Topic == "printernizer/x1c/job", "job");
        var filament = await _capture.WaitForAsync(m => m.Topic == "printernizer/x1c/filament", "filament");
        var availability = await _capture.WaitForAsync("printernizer/x1c/availability", "online");

        Assert.All(new[] { state, temperature, progress, job, filament, availability }, m => Assert.True(m.Retain, m.Topic));
        Assert.Equal("printing", state.Json.GetProperty("status").GetString());
        Assert.Equal("available", state.Json.GetProperty("control").GetString());
        Assert.Equal("0300_0100_0001_0007", state.Json.GetProperty("hms")[0].GetProperty("code").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$", state.Json.GetProperty("updated_at").GetString());
        Assert.Equal(219.6, temperature.Json.GetProperty("nozzle").GetProperty("current").GetDouble());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, temperature.Json.GetProperty("chamber").GetProperty("target").ValueKind);
        Assert.Equal(40, progress.Json.GetProperty("percent").GetDouble());
        Assert.Equal(3600, progress.Json.GetProperty("remaining_s").GetInt32());
        Assert.Equal("2026-11-25T15:03:00+00:00", progress.Json.GetProperty("eta").GetString());
        Assert.Equal("benchy", job.Json.GetProperty("name").GetString());
        Assert.Equal("2026-11-25T13:33:00+00:00", job.Json.GetProperty("started_at").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, job.Json.GetProperty("finished_at").ValueKind);
        Assert.Equal("#FF0000", filament.Json.GetProperty("units")[0].GetProperty("trays")[0].GetProperty("color").GetString());
    }

    [Fact]
    public async Task Report_SameStateTwice_PublishesEachTopicOnce()
    {
        await using var bridge = await BridgeTestHost.StartAsync(BridgeTestHost.CreateConfig(_broker, _stateDir, true, "x1c"));
        var printer = bridge.Printers["x1c"];

        await printer.ReportAsync(FakePrinterAdapter.Printing(percent: 40));
        await printer.ReportAsync(FakePrinterAdapter.Printing(percent: 40));
        await printer.ReportAsync(FakePrinterAdapter.Printing(percent: 41));
        await _capture.WaitForAsync(m => m.Topic == "printernizer/x1c/progress" && m.Text.Contains("\"percent\":41"), "progress 41");

        Assert.Single(_capture.On("printernizer/x1c/state"));
        Assert.Single(_capture.On("printernizer/x1c/job"));
        Assert.Single(_capture.On("printernizer/x1c/temperature"));
        Assert.Equal(2, _capture.On("printernizer/x1c/progress").Count);
    }

    [Fact]
    public async Task Report_TemperatureWithinDeadband_NotRepublished()
    {
        await using var bridge = await BridgeTestHost.StartAsync(BridgeTestHost.CreateConfig(_broker, _stateDir, true, "x1c"));
        var printer = bridge.Printers["x1c"];
        var first = FakePrinterAdapter.Printing();

        await printer.ReportAsync(first);
        await printer.ReportAsync(first with { Temperatures = first.Temperatures with { Nozzle = new Temperature(219.9, 220) } });
        await printer.ReportAsync(first with { Temperatures = first.Temperatures with { Nozzle = new Temperature(220.2, 220) } });
        await _capture.WaitForAsync(m => m.Topic == "printernizer/x1c/temperature" && m.Text.Contains("220.2"), "nozzle 220.2");

        var published = _capture.On("printernizer/x1c/temperature").Select(m => m.Json.GetProperty("nozzle").GetProperty("current").GetDouble());
        Assert.Equal([219.6, 220.2], published);
    }

    [Fact]
    public async Task Report_PrinterGoesOffline_OnlyAvailabilityChangesAndStateStaysRetained()
    {
        await using var bridge = await BridgeTestHost.StartAsync(BridgeTestHost.CreateConfig(_broker, _stateDir, true, "x1c"));
        var printer = bridge.Printers["x1c"];
        var printing = FakePrinterAdapter.Printing();
        await printer.ReportAsync(printing);
        await _capture.WaitForAsync(m => m.Topic == "printernizer/x1c/state", "state");

        await printer.ReportAsync(printing with { Online = false });
        await _capture.WaitForAsync("printernizer/x1c/availability", "offline");

        Assert.Single(_capture.On("printernizer/x1c/state"));
        Assert.Single(_capture.On("printernizer/x1c/progress"));
        await using var late = await MqttCapture.ConnectAsync(_broker, "printernizer/x1c/#");
        var retained = await late.WaitForAsync(m => m.Topic == "printernizer/x1c/state", "retained state");
        Assert.True(retained.Retain);
        Assert.Equal("printing", retained.Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Report_JobLifecycle_EachTransitionGivesExactlyOneEvent()
    {
        await using var bridge = await BridgeTestHost.StartAsync(BridgeTestHost.CreateConfig(_broker, _stateDir, true, "x1c"));
        var printer = bridge.Printers["x1c"];
        var printing = FakePrinterAdapter.Printing();
        var idle = printing with { Status = PrinterStatus.Idle, Job = PrintJob.None };

        await printer.ReportAsync(idle);
        await printer.ReportAsync(printing with { Status = PrinterStatus.Preparing });
        await printer.ReportAsync(printing);
        await printer.ReportAsync(printing with { Progress = printing.Progress with { Percent = 50 } });
        await printer.ReportAsync(printing with { Status = PrinterStatus.Paused });
        await printer.ReportAsync(printing);
        await printer.ReportAsync(printing with { Status = PrinterStatus.Finished, Job = printing.Job with { Status = PrinterStatus.Finished } });
        await printer.ReportAsync(idle);
        await _capture.WaitForAsync(m => m.Topic == "printernizer/x1c/event" && m.Text.Contains("job_finished"), "job_finished");
        await Task.Delay(300);

        var events = _capture.On("printernizer/x1c/event");
        Assert.Equal(
            ["printer_online", "job_started", "job_paused", "job_resumed", "job_finished"],
            events.Select(e => e.Json.GetProperty("event_type").GetString()));
        Assert.All(events, e => Assert.False(e.Retain));
        Assert.Equal("x1c", events[1].Json.GetProperty("printer").GetString());
        Assert.Equal("benchy", events[1].Json.GetProperty("job").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Restart_JobStillRunning_DoesNotReplayJobStarted()
    {
        var config = BridgeTestHost.CreateConfig(_broker, _stateDir, true, "x1c");
        await using (var first = await BridgeTestHost.StartAsync(config))
        {
            await first.Printers["x1c"].ReportAsync(FakePrinterAdapter.Printing());
            await _capture.WaitForAsync(m => m.Topic == "printernizer/x1c/event" && m.Text.Contains("job_started"), "job_started");
        }

        await using var second = await BridgeTestHost.StartAsync(config);
        await second.Printers["x1c"].ReportAsync(FakePrinterAdapter.Printing(percent: 45));
        await second.Printers["x1c"].ReportAsync(FakePrinterAdapter.Printing(percent: 45) with { Status = PrinterStatus.Finished });
        await _capture.WaitForAsync(m => m.Topic == "printernizer/x1c/event" && m.Text.Contains("job_finished"), "job_finished");

        var types = _capture.On("printernizer/x1c/event").Select(e => e.Json.GetProperty("event_type").GetString());
        Assert.Equal(["printer_online", "job_started", "job_finished"], types);
    }

    [Fact]
    public async Task Stop_Clean_PublishesBridgeOfflineRetained()
    {
        var bridge = await BridgeTestHost.StartAsync(BridgeTestHost.CreateConfig(_broker, _stateDir, true, "x1c"));
        await _capture.WaitForAsync("printernizer/bridge/state", "online");

        await bridge.DisposeAsync();

        var offline = await _capture.WaitForAsync("printernizer/bridge/state", "offline");
        Assert.True(offline.Retain);
    }

    [Fact]
    public async Task BrokerRestart_WithoutPersistence_RepublishesRetainedTopics()
    {
        await using var bridge = await BridgeTestHost.StartAsync(BridgeTestHost.CreateConfig(_broker, _stateDir, true, "x1c"));
        await bridge.Printers["x1c"].ReportAsync(FakePrinterAdapter.Printing());
        await _capture.WaitForAsync(m => m.Topic == "printernizer/x1c/state", "state");

        await _broker.StopAsync();
        await _broker.StartAgainAsync();

        await using var after = await MqttCapture.ConnectAsync(_broker, "printernizer/#");
        await after.WaitForAsync("printernizer/bridge/state", "online", TimeSpan.FromSeconds(30));
        var state = await after.WaitForAsync(m => m.Topic == "printernizer/x1c/state" && m.Retain, "retained state after broker restart", TimeSpan.FromSeconds(30));
        Assert.Equal("printing", state.Json.GetProperty("status").GetString());
        await after.WaitForAsync(m => m.Topic == "printernizer/x1c/availability" && m.Text == "online", "availability", TimeSpan.FromSeconds(30));
    }
}
