using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.UnitTests.Printers.Bambu;

/// <summary>X1/H2-class full reports from <c>shared/fixtures/bambu</c>, normalized.</summary>
public sealed class BambuReportNormalizerFullReportTests
{
    [Fact]
    public void Normalize_X1cFinishMultiAms_ReadsPackedTemperaturesAmsAndLock()
    {
        var state = BambuFixtures.Normalize("x1c_pushall_finish_multi_ams.json", "x1c_get_version.json");

        Assert.Equal(PrinterStatus.Finished, state.Status);
        Assert.Equal("idle", state.Stage);
        Assert.Equal("X1C", state.Model);
        Assert.Equal("01.09.00.01", state.Firmware);
        Assert.Equal(new Temperature(26, 0), state.Temperatures.Nozzle);
        Assert.Equal(new Temperature(23, 0), state.Temperatures.Bed);
        Assert.Equal(new Temperature(25, null), state.Temperatures.Chamber);
        Assert.Equal(new JobProgress(100, 480, 480, 0, null, null), state.Progress);
        Assert.Equal("Garden Hose Healer: Male fitting", state.Job.Name);
        Assert.Equal("/data/Metadata/plate_1.gcode", state.Job.File);
        Assert.Equal("366719004", state.Job.Id);
        Assert.Equal(ControlState.Locked, state.Control);
        Assert.Empty(state.Hms);
        Assert.Null(state.Error);
        Assert.Equal(["0", "1", "2", "128"], state.Filament.Units.Select(u => u.Id));
        var first = state.Filament.Units[0];
        Assert.Equal(8, first.Humidity);
        Assert.Equal(26.2, first.Temperature);
        Assert.Equal(new FilamentTray("0", "PLA", "#000000", 93, false), first.Trays[0]);
        Assert.Equal(new FilamentTray("0", null, null, null, false), state.Filament.Units[2].Trays[0]);
        Assert.Equal(new FilamentTray("0", "PA-CF", "#000000", 100, false), state.Filament.Units[3].Trays.Single());
        Assert.Equal(new FilamentTray("254", null, null, null, false), state.Filament.External);
        Assert.Equal(new LightStates(true, true), state.Lights);
        Assert.Equal(new MotionSettings("standard", 100, null), state.Motion);
        Assert.True(state.Capabilities.ChamberTemperature);
        Assert.False(state.Capabilities.ChamberTarget);
    }

    [Fact]
    public void Normalize_H2dRunning_UsesActiveExtruderAndChamberHeaterTarget()
    {
        var state = BambuFixtures.Normalize("h2d_pushall_running_local.json", "h2d_get_version.json");

        Assert.Equal(PrinterStatus.Printing, state.Status);
        Assert.Equal("printing", state.Stage);
        Assert.Equal("H2D", state.Model);
        Assert.Equal("01.01.01.00", state.Firmware);
        Assert.Equal(new Temperature(245, 245), state.Temperatures.Nozzle);
        Assert.Equal(new Temperature(70, 70), state.Temperatures.Bed);
        Assert.Equal(new Temperature(35, 0), state.Temperatures.Chamber);
        Assert.Equal(6, state.Progress.Percent);
        Assert.Equal(1, state.Progress.Layer);
        Assert.Equal(200, state.Progress.TotalLayers);
        Assert.Equal(549 * 60, state.Progress.RemainingSeconds);
        Assert.Equal(BambuFixtures.Now.AddMinutes(549), state.Progress.Eta);
        Assert.Equal("T-pose - slim H2D dual AMS riser", state.Job.Name);
        Assert.Equal("9012", state.Job.Id);
        Assert.Equal(BambuFixtures.Now, state.Job.StartedAt);
        Assert.Equal(["0", "1"], state.Filament.Units.Select(u => u.Id));
        Assert.Equal(new FilamentTray("3", "PLA", "#FFFFFF", 100, true), state.Filament.Units[0].Trays[3]);
        Assert.Equal(new FilamentTray("2", "PETG-CF", "#000000", 100, false), state.Filament.Units[1].Trays[2]);
        Assert.Equal(ControlState.Locked, state.Control);
        Assert.True(state.Capabilities.ChamberTarget);
    }

    [Fact]
    public void Normalize_X1ClassRunningWithHms_DecodesHmsFansAndAmsHt()
    {
        var state = BambuFixtures.Normalize("misc_x1class_pushall_running_with_hms.json");

        Assert.Equal(PrinterStatus.Printing, state.Status);
        Assert.Equal(new Temperature(219, 220), state.Temperatures.Nozzle);
        Assert.Equal(new Temperature(60, 60), state.Temperatures.Bed);
        Assert.Equal(new Temperature(36, null), state.Temperatures.Chamber);
        Assert.Equal(22, state.Progress.Percent);
        Assert.Equal((2, 37), (state.Progress.Layer, state.Progress.TotalLayers));
        Assert.Equal(163 * 60, state.Progress.RemainingSeconds);
        Assert.Equal("CyberBrick Gridfinity Organizer Box", state.Job.Name);
        Assert.Equal("378996136", state.Job.Id);
        var hms = Assert.Single(state.Hms);
        Assert.Equal("0C00_0300_0003_0007", hms.Code);
        Assert.Equal("common", hms.Severity);
        Assert.Equal("Possible first layer defects have been detected.", hms.Text);
        Assert.Equal("https://wiki.bambulab.com/en/x1/troubleshooting/hmscode/0C00_0300_0003_0007", hms.Url);
        Assert.Equal(new FanSpeeds(100, 67, 13, null, null), state.Fans);
        var unit = Assert.Single(state.Filament.Units);
        Assert.Equal("128", unit.Id);
        Assert.Equal(new FilamentTray("0", "PLA", "#F7D959", 65, true), Assert.Single(unit.Trays));
        Assert.Equal(new FilamentTray("254", "PLA", "#FFFFFF", 0, false), state.Filament.External);
        Assert.Equal(ControlState.Available, state.Control);
    }

    [Fact]
    public void Normalize_X2dRunningWithTimestampedHms_ReadsSecondExtruderAndUnknownHmsText()
    {
        var state = BambuFixtures.Normalize("x2d_pushall_running_hms_with_timestamps.json");

        Assert.Equal(PrinterStatus.Printing, state.Status);
        Assert.Equal(new Temperature(250, 250), state.Temperatures.Nozzle);
        Assert.Equal(new Temperature(70, 70), state.Temperatures.Bed);
        Assert.Equal(new Temperature(38, null), state.Temperatures.Chamber);
        Assert.Equal((98.0, 129, 140, 120), (state.Progress.Percent!.Value, state.Progress.Layer!.Value, state.Progress.TotalLayers!.Value, state.Progress.RemainingSeconds!.Value));
        Assert.Equal("Build Plate Cleaner Trays - A1 Mini", state.Job.Name);
        Assert.Equal(new HmsEntry("0500_0600_0002_0070", "serious", null, "https://wiki.bambulab.com/en/x1/troubleshooting/hmscode/0500_0600_0002_0070"), Assert.Single(state.Hms));
        var trays = Assert.Single(state.Filament.Units).Trays;
        Assert.Equal(new FilamentTray("1", "PETG", "#161616", null, true), trays[1]);
        Assert.Equal(new FilamentTray("254", null, null, null, false), state.Filament.External);
    }

    [Fact]
    public void Normalize_H2cFailed_IsFailedWithJobAndPackedChamber()
    {
        var state = BambuFixtures.Normalize("h2c_pushall_failed.json");

        Assert.Equal(PrinterStatus.Failed, state.Status);
        Assert.Equal("idle", state.Stage);
        Assert.Equal(new Temperature(44, 0), state.Temperatures.Nozzle);
        Assert.Equal(new Temperature(53, 0), state.Temperatures.Bed);
        Assert.Equal(new Temperature(35, null), state.Temperatures.Chamber);
        Assert.Equal((0, 332), (state.Progress.Layer!.Value, state.Progress.TotalLayers!.Value));
        Assert.Equal("► HEAVY - 55mm With Logo 100% infill", state.Job.Name);
        Assert.Equal("576835111", state.Job.Id);
        Assert.Equal(new FilamentTray("0", null, null, null, false), Assert.Single(state.Filament.Units).Trays[0]);
        Assert.Equal(new LightStates(false, true), state.Lights);
    }
}
