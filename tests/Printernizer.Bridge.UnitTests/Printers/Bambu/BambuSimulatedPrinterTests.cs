using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Printernizer.Simulators.Bambu;

namespace Printernizer.Bridge.UnitTests.Printers.Bambu;

/// <summary>The simulator's scripted job and its reports, driven by a fake clock.</summary>
public sealed class BambuSimulatedPrinterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Advance_ScriptedJob_GoesPrepareRunningFinishWithRisingProgress()
    {
        var options = new BambuSimulatorOptions { JobDuration = TimeSpan.FromSeconds(40), TotalLayers = 10, ReportedJobMinutes = 60, Time = _time };
        var printer = new BambuSimulatedPrinter(options, _time.GetUtcNow());

        printer.StartJob("benchy", _time.GetUtcNow());
        var prepare = Step(printer, 5);
        var early = Step(printer, 10);
        var late = Step(printer, 20);
        var done = Step(printer, 10);

        Assert.Equal(("PREPARE", 0, 7), (prepare.State, prepare.Percent, prepare.Stage));
        Assert.Equal(("RUNNING", 0), (early.State, early.Stage));
        Assert.True(late.Percent > early.Percent && late.Layer > early.Layer && late.Remaining < early.Remaining);
        Assert.Equal(("FINISH", 100, 10, 0, -1), (done.State, done.Percent, done.Layer, done.Remaining, done.Stage));
        Assert.True(early.Nozzle > 100, $"nozzle {early.Nozzle}");
    }

    [Fact]
    public void Pause_StopsTheJobClockUntilResume()
    {
        var options = new BambuSimulatorOptions { JobDuration = TimeSpan.FromSeconds(40), Time = _time };
        var printer = new BambuSimulatedPrinter(options, _time.GetUtcNow());
        printer.StartJob("benchy", _time.GetUtcNow());
        Step(printer, 20);

        Assert.True(printer.Pause(_time.GetUtcNow()));
        var paused = Step(printer, 60);
        Assert.True(printer.Resume(_time.GetUtcNow()));
        var resumed = Step(printer, 0);

        Assert.Equal("PAUSE", paused.State);
        Assert.Equal(("RUNNING", paused.Percent), (resumed.State, resumed.Percent));
    }

    [Fact]
    public void Stop_IsFailedWithCancelCodeClearedTwoTicksLater()
    {
        var printer = new BambuSimulatedPrinter(new BambuSimulatorOptions { Profile = BambuSimulatorProfile.P1S, Time = _time }, _time.GetUtcNow());
        printer.StartJob("benchy", _time.GetUtcNow());

        Assert.True(printer.Stop());
        var stopped = (printer.GcodeState, printer.PrintError, printer.StageCode);
        Step(printer, 1);
        Step(printer, 1);

        Assert.Equal(("FAILED", 0x0300400CL, 255), stopped);
        Assert.Equal(0, printer.PrintError);
        Assert.False(printer.Stop());
    }

    [Fact]
    public void Delta_P1s_CarriesOnlyChangedFieldsAndFullReportKeepsTemplateBlocks()
    {
        var options = new BambuSimulatorOptions { Profile = BambuSimulatorProfile.P1S, Time = _time };
        var printer = new BambuSimulatedPrinter(options, _time.GetUtcNow());
        var reports = new BambuSimReportBuilder(options);

        var full = Parse(reports.Full(printer));
        var quiet = Parse(reports.Delta(printer));
        printer.StartJob("benchy", _time.GetUtcNow());
        var started = Parse(reports.Delta(printer));

        Assert.Equal(0, (int)full["msg"]!);
        Assert.Equal("TPU-AMS", (string)full["vt_tray"]!["tray_type"]!);
        Assert.Equal(5, (int)full["chamber_temper"]!);
        Assert.Equal(["command", "msg", "sequence_id", "wifi_signal"], quiet.Select(p => p.Key));
        Assert.Equal(1, (int)started["msg"]!);
        Assert.Equal("PREPARE", (string)started["gcode_state"]!);
        Assert.Equal("benchy", (string)started["subtask_name"]!);
        Assert.False(started.ContainsKey("ams"));
    }

    [Fact]
    public void Full_LockedX1c_SetsSignatureBitInFun()
    {
        var options = new BambuSimulatorOptions { Profile = BambuSimulatorProfile.X1C, Time = _time };
        var printer = new BambuSimulatedPrinter(options, _time.GetUtcNow());
        var reports = new BambuSimReportBuilder(options);

        var open = Convert.ToInt64((string)Parse(reports.Full(printer))["fun"]!, 16);
        printer.Locked = true;
        var locked = Convert.ToInt64((string)Parse(reports.Full(printer))["fun"]!, 16);

        Assert.Equal(0, open & 0x20000000);
        Assert.NotEqual(0, locked & 0x20000000);
    }

    private (string State, int Percent, int Layer, int Remaining, int Stage, double Nozzle) Step(BambuSimulatedPrinter printer, int seconds)
    {
        _time.Advance(TimeSpan.FromSeconds(seconds));
        printer.Advance(_time.GetUtcNow());
        return (printer.GcodeState, printer.Percent, printer.Layer, printer.RemainingMinutes, printer.StageCode, printer.Nozzle);
    }

    private static JsonObject Parse(string message) => (JsonObject)JsonNode.Parse(message)!["print"]!;
}
