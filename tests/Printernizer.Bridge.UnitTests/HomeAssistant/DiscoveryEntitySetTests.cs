using Printernizer.Bridge.Domain;
using static Printernizer.Bridge.UnitTests.HomeAssistant.DiscoveryTestData;

namespace Printernizer.Bridge.UnitTests.HomeAssistant;

public sealed class DiscoveryEntitySetTests
{
    private static string[] ObjectIds(PrinterCapabilities capabilities, bool controlEnabled) =>
        Builder().BuildPrinter(X1C, X1CState(capabilities), controlEnabled).Select(m => m.ObjectId).ToArray();

    [Fact]
    public void BuildPrinter_AllCapabilities_AnnouncesEveryEntityOnce()
    {
        string[] expected =
        [
            "status", "error", "hms_count", "online",
            "nozzle_temperature", "nozzle_target_temperature", "bed_temperature", "bed_target_temperature",
            "chamber_temperature", "chamber_target_temperature",
            "progress", "current_layer", "total_layers", "remaining_time", "eta", "start_time", "job_name",
            "cancel", "pause", "resume", "job_event",
        ];

        Assert.Equal(expected, ObjectIds(AllCapabilities, controlEnabled: true));
    }

    [Fact]
    public void BuildPrinter_NoCapabilities_AnnouncesOnlyWhatEveryPrinterReports()
    {
        string[] expected =
        [
            "status", "error", "online",
            "nozzle_temperature", "nozzle_target_temperature", "bed_temperature", "bed_target_temperature",
            "progress", "remaining_time", "eta", "start_time", "job_name",
            "cancel", "job_event",
        ];

        Assert.Equal(expected, ObjectIds(NoCapabilities, controlEnabled: true));
    }

    [Fact]
    public void BuildPrinter_ChamberWithoutTarget_AnnouncesChamberTemperatureOnly()
    {
        var ids = ObjectIds(NoCapabilities with { ChamberTemperature = true }, true);

        Assert.Contains("chamber_temperature", ids);
        Assert.DoesNotContain("chamber_target_temperature", ids);
    }

    [Fact]
    public void BuildPrinter_ControlDisabled_AnnouncesNoButtons()
    {
        var messages = Builder().BuildPrinter(X1C, X1CState(AllCapabilities), controlEnabled: false);

        Assert.DoesNotContain(messages, m => m.Component == "button");
        Assert.Contains(messages, m => m.ObjectId == "job_event");
    }

    [Fact]
    public void BuildPrinter_WithoutPause_AnnouncesCancelOnly()
    {
        var buttons = Builder().BuildPrinter(X1C, X1CState(AllCapabilities with { Pause = false }), true)
            .Where(m => m.Component == "button").Select(m => m.ObjectId);

        Assert.Equal(["cancel"], buttons);
    }

    [Fact]
    public void BuildPrinter_WithoutHms_AnnouncesNoHmsEntity() =>
        Assert.DoesNotContain("hms_count", ObjectIds(AllCapabilities with { Hms = false }, true));

    [Fact]
    public void BuildPrinter_TwoPrinters_UseDistinctTopicsAndUniqueIds()
    {
        var builder = Builder();
        var all = builder.BuildPrinter(X1C, X1CState(AllCapabilities), true)
            .Concat(builder.BuildPrinter(Mk4, Mk4State(), true))
            .Concat(builder.BuildBridge())
            .ToArray();

        Assert.Equal(all.Length, all.Select(m => m.Topic).Distinct().Count());
        Assert.All(all, m => Assert.Equal($"homeassistant/{m.Component}/printernizer_{m.DeviceId}/{m.ObjectId}/config", m.Topic));
    }

    [Fact]
    public void BuildPrinter_SameInput_GivesIdenticalPayloads()
    {
        var first = Builder().BuildPrinter(X1C, X1CState(AllCapabilities), true);
        var second = Builder().BuildPrinter(X1C, X1CState(AllCapabilities) with { Status = PrinterStatus.Idle }, true);

        Assert.Equal(first, second);
        Assert.Equal(Builder().BuildBridge(), Builder().BuildBridge());
    }

    [Fact]
    public void BuildPrinter_FirmwareChanged_ChangesEveryPayload()
    {
        var before = Builder().BuildPrinter(X1C, X1CState(AllCapabilities), true);
        var after = Builder().BuildPrinter(X1C, X1CState(AllCapabilities) with { Firmware = "01.09.00.00" }, true);

        Assert.All(before.Zip(after), pair => Assert.NotEqual(pair.First.Payload, pair.Second.Payload));
    }
}
