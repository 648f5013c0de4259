using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.UnitTests.Printers.Bambu;

/// <summary>P1 and A1 full reports from <c>shared/fixtures/bambu</c>: no chamber sensor, AMS and AMS Lite.</summary>
public sealed class BambuReportNormalizerDeltaModelTests
{
    [Fact]
    public void Normalize_P1pFinishNoAms_HasExternalSpoolOnlyAndNoChamber()
    {
        var state = BambuFixtures.Normalize("p1p_pushall_finish_no_ams.json", "p1p_get_version_no_ams.json");

        Assert.Equal(PrinterStatus.Finished, state.Status);
        Assert.Equal("idle", state.Stage);
        Assert.Equal("P1P", state.Model);
        Assert.Equal("01.08.02.00", state.Firmware);
        Assert.Equal(new Temperature(25.90625, 0), state.Temperatures.Nozzle);
        Assert.Equal(new Temperature(23.125, 0), state.Temperatures.Bed);
        Assert.Null(state.Temperatures.Chamber);
        Assert.Equal((100.0, 124, 124), (state.Progress.Percent!.Value, state.Progress.Layer!.Value, state.Progress.TotalLayers!.Value));
        Assert.Equal("sensor_altanlås_v2_v3", state.Job.Name);
        Assert.Equal("715417865", state.Job.Id);
        Assert.Empty(state.Filament.Units);
        Assert.Equal(new FilamentTray("254", "PETG", "#BCBCBC", 0, true), state.Filament.External);
        Assert.Equal(ControlState.Available, state.Control);
        Assert.False(state.Capabilities.ChamberTemperature);
    }

    [Fact]
    public void Normalize_P1pFailedWithAms_IsFailedWithoutEtaAndUnknownRemain()
    {
        var state = BambuFixtures.Normalize("p1p_pushall_failed_with_ams.json", "p1p_get_version_with_ams.json");

        Assert.Equal(PrinterStatus.Failed, state.Status);
        Assert.Equal("P1P", state.Model);
        Assert.Equal("01.07.00.00", state.Firmware);
        Assert.Equal((1, 70, 759 * 60), (state.Progress.Layer!.Value, state.Progress.TotalLayers!.Value, state.Progress.RemainingSeconds!.Value));
        Assert.Null(state.Progress.Eta);
        Assert.Equal("Fidget Collection", state.Job.Name);
        Assert.Null(state.Job.Id);
        Assert.Null(state.Job.FinishedAt);
        var trays = Assert.Single(state.Filament.Units).Trays;
        Assert.Equal(new FilamentTray("0", "PLA", "#D357FE", null, true), trays[0]);
        Assert.Equal(4, trays.Count);
        Assert.Null(state.Temperatures.Chamber);
    }

    [Fact]
    public void Normalize_P1sIdleAms_ReadsHumidityAndHidesPlaceholderChamber()
    {
        var state = BambuFixtures.Normalize("p1s_pushall_idle_ams.json");

        Assert.Equal(PrinterStatus.Idle, state.Status);
        Assert.Equal("idle", state.Stage);
        Assert.Equal(new Temperature(29.4375, 0), state.Temperatures.Nozzle);
        Assert.Equal(new Temperature(29.78125, 0), state.Temperatures.Bed);
        Assert.Null(state.Temperatures.Chamber);
        Assert.Equal(0, state.Progress.Percent);
        Assert.Null(state.Job.Name);
        var unit = Assert.Single(state.Filament.Units);
        Assert.Equal((17.0, 30.1), (unit.Humidity!.Value, unit.Temperature!.Value));
        Assert.Equal(["#9D432C", "#545454", "#FFFFFF", "#FFFFFF"], unit.Trays.Select(t => t.Color));
        Assert.Equal([13, 72, 100, 77], unit.Trays.Select(t => t.Remain));
        Assert.Equal(new FilamentTray("254", "TPU-AMS", "#FFFFFF", 0, false), state.Filament.External);
        Assert.Equal(new LightStates(true, null), state.Lights);
    }

    [Fact]
    public void Normalize_A1IdleAmsLite_HasNoAmsSensorsNoChamberAndNoAuxFans()
    {
        var state = BambuFixtures.Normalize("a1_pushall_idle_ams_lite.json", "a1_get_version.json");

        Assert.Equal(PrinterStatus.Idle, state.Status);
        Assert.Equal("A1", state.Model);
        Assert.Equal("01.05.00.00", state.Firmware);
        Assert.Equal(new Temperature(27.8125, 0), state.Temperatures.Nozzle);
        Assert.Null(state.Temperatures.Chamber);
        var unit = Assert.Single(state.Filament.Units);
        Assert.Null(unit.Humidity);
        Assert.Null(unit.Temperature);
        Assert.Equal(new FilamentTray("0", "PLA", "#76D9F4", 100, false), unit.Trays[0]);
        Assert.Equal(new FanSpeeds(0, null, null, null, null), state.Fans);
        Assert.Equal(new LightStates(false, null), state.Lights);
    }

    [Fact]
    public void Normalize_A1miniIdle_ReadsModelFromProductNameAndTrays()
    {
        var state = BambuFixtures.Normalize("a1mini_pushall_idle.json", "a1mini_get_version.json");

        Assert.Equal(PrinterStatus.Idle, state.Status);
        Assert.Equal("idle", state.Stage);
        Assert.Equal("A1 mini", state.Model);
        Assert.Equal("01.07.02.00", state.Firmware);
        Assert.Equal(new Temperature(27.21875, 0), state.Temperatures.Nozzle);
        Assert.Equal(new Temperature(26.53125, 0), state.Temperatures.Bed);
        Assert.Null(state.Temperatures.Chamber);
        Assert.Equal(["PLA", "PLA", "PETG", "PLA"], Assert.Single(state.Filament.Units).Trays.Select(t => t.Type));
        Assert.Equal(new FilamentTray("254", "PLA", "#161616", 0, false), state.Filament.External);
        Assert.Equal(ControlState.Available, state.Control);
    }
}
