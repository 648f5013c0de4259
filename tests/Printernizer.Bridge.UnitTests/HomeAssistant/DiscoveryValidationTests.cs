using Printernizer.Bridge.HomeAssistant;
using Printernizer.Bridge.TestSupport;
using static Printernizer.Bridge.UnitTests.HomeAssistant.DiscoveryTestData;

namespace Printernizer.Bridge.UnitTests.HomeAssistant;

/// <summary>Runs the project's Home Assistant rule checker over the configs and SPEC §3-shaped state.</summary>
public sealed class DiscoveryValidationTests
{
    private static ValidatorMessage Retained(string topic, string payload) => new(topic, payload, true, 1);

    private static IEnumerable<ValidatorMessage> Configs(IEnumerable<DiscoveryMessage> messages) =>
        messages.Select(m => Retained(m.Topic, m.Payload));

    private static void AssertClean(ValidatorReport report, int messageCount)
    {
        Assert.True(report.ExitCode == 0, report.Output);
        Assert.Empty(report.Problems);
        Assert.Equal($"{messageCount} passed, 0 failed", report.Summary);
    }

    [Fact]
    public async Task Validate_BridgeAndPrintersWithSpecShapedState_HasNoErrorsOrWarnings()
    {
        var builder = Builder();
        var messages = Configs(builder.BuildBridge())
            .Concat(Configs(builder.BuildPrinter(X1C, X1CState(AllCapabilities), controlEnabled: true)))
            .Concat(Configs(builder.BuildPrinter(Mk4, Mk4State(), controlEnabled: true)))
            .Concat(StateMessages())
            .ToArray();

        var report = await DiscoveryValidator.RunAsync(messages);

        AssertClean(report, messages.Length);
    }

    [Fact]
    public async Task Validate_ReadOnlyPrinterWithoutCapabilities_HasNoErrorsOrWarnings()
    {
        var messages = Configs(Builder().BuildPrinter(X1C, X1CState(NoCapabilities), controlEnabled: false)).ToArray();

        var report = await DiscoveryValidator.RunAsync(messages);

        AssertClean(report, messages.Length);
    }

    [Fact]
    public async Task Validate_CustomPrefix_HasNoErrorsOrWarnings()
    {
        var builder = new DiscoveryPayloadBuilder(new("home/printers", "ha-discovery"), BridgeVersion, SupportUrl);
        var messages = Configs(builder.BuildBridge()).Concat(Configs(builder.BuildPrinter(X1C, X1CState(AllCapabilities), true))).ToArray();

        var report = await DiscoveryValidator.RunAsync(messages, "ha-discovery");

        AssertClean(report, messages.Length);
    }

    [Fact]
    public async Task Validate_UnretainedConfigAndBadUnit_IsReported()
    {
        var good = Builder().BuildBridge()[0];
        var badUnit = Builder().BuildPrinter(X1C, X1CState(AllCapabilities), true).Single(m => m.ObjectId == "bed_temperature");

        var report = await DiscoveryValidator.RunAsync(
        [
            new ValidatorMessage(good.Topic, good.Payload, Retain: false, Qos: 1),
            Retained(badUnit.Topic, badUnit.Payload.Replace("\"°C\"", "\"C\"", StringComparison.Ordinal)),
        ]);

        Assert.Equal(1, report.ExitCode);
        Assert.Contains(report.Problems, p => p.Contains("[retain-config]", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Contains("[unit-device-class]", StringComparison.Ordinal));
        Assert.Equal("0 passed, 2 failed", report.Summary);
    }

    /// <summary>What the publisher sends on the state topics (SPEC §3), including nulls and an offline printer.</summary>
    private static IEnumerable<ValidatorMessage> StateMessages() =>
    [
        Retained("printernizer/bridge/state", "online"),
        Retained("printernizer/x1c/availability", "online"),
        Retained("printernizer/x1c/state",
            """{"status": "printing", "stage": "heating hotend", "error": null, "hms": [{"code": "0300_0100_0001_0007", "severity": "common", "text": "The heatbed temperature is abnormal.", "url": "https://wiki.bambulab.com/en/x1/troubleshooting/hmscode/0300_0100_0001_0007"}], "control": "available", "model": "X1 Carbon", "firmware": "01.08.02.00", "updated_at": "2026-11-25T14:03:00+00:00"}"""),
        Retained("printernizer/x1c/temperature",
            """{"nozzle": {"current": 219.6, "target": 220.0}, "bed": {"current": 60.1, "target": 60.0}, "chamber": {"current": 34.0, "target": null}}"""),
        Retained("printernizer/x1c/progress",
            """{"percent": 42.5, "layer": 120, "total_layers": 300, "remaining_s": 3600, "elapsed_s": 1800, "eta": "2026-11-25T15:03:00+00:00"}"""),
        Retained("printernizer/x1c/job",
            """{"name": "benchy", "file": "benchy.gcode.3mf", "id": "12345", "status": "printing", "started_at": "2026-11-25T13:33:00+00:00", "finished_at": null}"""),
        new("printernizer/x1c/event",
            """{"event_type": "job_finished", "printer": "x1c", "at": "2026-11-25T15:03:10+00:00", "job": {"name": "benchy", "file": "benchy.gcode.3mf", "id": "12345", "status": "finished", "started_at": "2026-11-25T13:33:00+00:00", "finished_at": "2026-11-25T15:03:10+00:00"}, "error": null}""",
            false, 1),
        Retained("printernizer/mk4/availability", "offline"),
        Retained("printernizer/mk4/state",
            """{"status": "error", "stage": null, "error": {"code": "17505", "text": null}, "hms": [], "control": "read_only", "model": null, "firmware": null, "updated_at": "2026-11-25T14:03:00+00:00"}"""),
        Retained("printernizer/mk4/temperature", """{"nozzle": null, "bed": {"current": null, "target": null}, "chamber": null}"""),
        Retained("printernizer/mk4/progress",
            """{"percent": null, "layer": null, "total_layers": null, "remaining_s": null, "elapsed_s": null, "eta": null}"""),
        Retained("printernizer/mk4/job",
            """{"name": null, "file": null, "id": null, "status": "unknown", "started_at": null, "finished_at": null}"""),
        Retained("printernizer/bridge/state", "offline"),
    ];
}
