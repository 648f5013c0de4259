using Printernizer.Bridge.Domain;
using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Bridge.TestSupport;

namespace Printernizer.Bridge.IntegrationTests.HomeAssistant;

public sealed class DiscoveryPublishingTests : IAsyncLifetime
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
    public async Task Everything_PublishedDuringALifecycle_PassesTheHomeAssistantValidator()
    {
        var bridge = await BridgeTestHost.StartAsync(BridgeTestHost.CreateConfig(_broker, _stateDir, true, "x1c", "mk4"));
        var x1c = bridge.Printers["x1c"];
        var mk4 = bridge.Printers["mk4"];
        var printing = FakePrinterAdapter.Printing();
        var minimal = new PrinterState
        {
            PrinterId = "mk4",
            Online = true,
            HasData = true,
            Status = PrinterStatus.Idle,
            Model = "MK4",
            Temperatures = new Temperatures(new Temperature(24.5, 0), new Temperature(23.9, 0), null),
        };

        await x1c.ReportAsync(printing with { Status = PrinterStatus.Idle, Job = PrintJob.None, Progress = JobProgress.None });
        await mk4.ReportAsync(minimal);
        await x1c.ReportAsync(printing);
        await x1c.ReportAsync(printing with { Status = PrinterStatus.Paused, Error = new PrinterError("0300_8008", null) });
        await x1c.ReportAsync(printing with { Status = PrinterStatus.Finished, Progress = printing.Progress with { Percent = 100, RemainingSeconds = 0 } });
        await mk4.ReportAsync(minimal with { Status = PrinterStatus.Printing, Job = new PrintJob("cube", "cube.bgcode", "7", PrinterStatus.Printing, null, null) });
        await mk4.ReportAsync(minimal with { Online = false });
        await _capture.WaitForAsync(m => m.Topic == "printernizer/bridge/info", "bridge subscribed");
        await _capture.PublishAsync("printernizer/x1c/command", "pause");
        await _capture.WaitForAsync(m => m.Topic == "printernizer/x1c/command/result", "command result");
        await _capture.WaitForAsync("printernizer/mk4/availability", "offline");
        await bridge.DisposeAsync();
        await _capture.WaitForAsync("printernizer/bridge/state", "offline");

        var messages = _capture.Messages
            .Where(m => m.Topic != "printernizer/x1c/command")
            .Select(m => new ValidatorMessage(m.Topic, m.Text, m.Retain, m.Qos))
            .ToArray();
        var report = await DiscoveryValidator.RunAsync(messages);

        Assert.Contains(messages, m => m.Topic == "homeassistant/sensor/printernizer_x1c/status/config");
        Assert.Contains(messages, m => m.Topic == "homeassistant/event/printernizer_x1c/job_event/config");
        Assert.True(report.ExitCode == 0, report.Output);
        Assert.Empty(report.Problems);
        Assert.EndsWith("0 failed", report.Summary);
    }

    [Fact]
    public async Task Discovery_SameCapabilities_PublishedOnceAndRepublishedOnFirmwareChange()
    {
        await using var bridge = await BridgeTestHost.StartAsync(BridgeTestHost.CreateConfig(_broker, _stateDir, true, "x1c"));
        var x1c = bridge.Printers["x1c"];
        const string topic = "homeassistant/sensor/printernizer_x1c/nozzle_temperature/config";

        await x1c.ReportAsync(FakePrinterAdapter.Printing(percent: 10));
        await x1c.ReportAsync(FakePrinterAdapter.Printing(percent: 20));
        await _capture.WaitForAsync(m => m.Topic == "printernizer/x1c/progress" && m.Text.Contains("\"percent\":20"), "second progress");
        Assert.Single(_capture.On(topic));

        await x1c.ReportAsync(FakePrinterAdapter.Printing(percent: 20) with { Firmware = "01.09.00.00" });
        var updated = await _capture.WaitForAsync(m => m.Topic == topic && m.Text.Contains("01.09.00.00"), "updated config");
        Assert.True(updated.Retain);
        Assert.Equal(1, updated.Qos);
    }

    [Fact]
    public async Task Discovery_CapabilityLost_EntityConfigCleared()
    {
        await using var bridge = await BridgeTestHost.StartAsync(BridgeTestHost.CreateConfig(_broker, _stateDir, true, "x1c"));
        var x1c = bridge.Printers["x1c"];
        var printing = FakePrinterAdapter.Printing();
        const string topic = "homeassistant/sensor/printernizer_x1c/chamber_temperature/config";

        await x1c.ReportAsync(printing);
        await _capture.WaitForAsync(m => m.Topic == topic && m.Payload.Length > 0, "chamber config");
        await x1c.ReportAsync(printing with { Capabilities = printing.Capabilities with { ChamberTemperature = false } });

        var cleared = await _capture.WaitForAsync(m => m.Topic == topic && m.Payload.Length == 0, "chamber config cleared");
        Assert.True(cleared.Retain);
    }

    [Fact]
    public async Task HomeAssistantStatusOnline_RepublishesDiscoveryAndState()
    {
        await using var bridge = await BridgeTestHost.StartAsync(BridgeTestHost.CreateConfig(_broker, _stateDir, true, "x1c"));
        await bridge.Printers["x1c"].ReportAsync(FakePrinterAdapter.Printing());
        await _capture.WaitForAsync(m => m.Topic == "printernizer/x1c/state", "state");
        var configsBefore = _capture.On("homeassistant/sensor/printernizer_x1c/status/config").Count;
        var statesBefore = _capture.On("printernizer/x1c/state").Count;

        await _capture.PublishAsync("homeassistant/status", "online");

        await _capture.WaitForAsync(
            _ => _capture.On("homeassistant/sensor/printernizer_x1c/status/config").Count > configsBefore
                && _capture.On("printernizer/x1c/state").Count > statesBefore,
            "republished config and state");
    }

    [Fact]
    public async Task Start_RetainedConfigsOfRemovedPrintersAndEntities_Cleared()
    {
        await _capture.PublishAsync("homeassistant/sensor/printernizer_gone/status/config", "{\"name\":\"old\"}", retain: true);
        await _capture.PublishAsync("homeassistant/sensor/printernizer_x1c/retired_entity/config", "{\"name\":\"old\"}", retain: true);
        await _capture.PublishAsync("homeassistant/sensor/someone_else/status/config", "{\"name\":\"keep\"}", retain: true);

        await using var bridge = await BridgeTestHost.StartAsync(BridgeTestHost.CreateConfig(_broker, _stateDir, true, "x1c"));
        await _capture.WaitForAsync(m => m.Topic == "homeassistant/sensor/printernizer_gone/status/config" && m.Payload.Length == 0, "removed printer cleared");
        await bridge.Printers["x1c"].ReportAsync(FakePrinterAdapter.Printing());
        await _capture.WaitForAsync(m => m.Topic == "homeassistant/sensor/printernizer_x1c/retired_entity/config" && m.Payload.Length == 0, "retired entity cleared");

        Assert.DoesNotContain(_capture.Messages, m => m.Topic == "homeassistant/sensor/someone_else/status/config" && m.Payload.Length == 0);
    }
}
