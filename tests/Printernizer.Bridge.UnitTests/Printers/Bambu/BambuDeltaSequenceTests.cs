using System.Text.Json.Nodes;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Printers.Bambu;

namespace Printernizer.Bridge.UnitTests.Printers.Bambu;

/// <summary>Deltas (<c>msg: 1</c>) merged into the cached full report keep every block they lack.</summary>
public sealed class BambuDeltaSequenceTests
{
    [Fact]
    public void Apply_P1sDeltaWithoutVtTray_KeepsCachedExternalSpoolAndUpdatesAms()
    {
        var cache = BambuFixtures.NewCache();
        cache.Apply(BambuFixtures.Load("p1s_pushall_idle_ams.json"), out _);

        var kind = cache.Apply(BambuFixtures.Load("p1s_delta_ams_block.json"), out _);
        var state = Normalize(cache);

        Assert.Equal(BambuMessageKind.Report, kind);
        Assert.Equal(new FilamentTray("254", "TPU-AMS", "#FFFFFF", 0, false), state.Filament.External);
        Assert.Equal(new Temperature(29.53125, 0), state.Temperatures.Bed);
        Assert.Equal(new Temperature(29.4375, 0), state.Temperatures.Nozzle);
        var unit = Assert.Single(state.Filament.Units);
        Assert.Equal((12.0, 32.9), (unit.Humidity!.Value, unit.Temperature!.Value));
        Assert.Equal(4, unit.Trays.Count);
        Assert.Equal(PrinterStatus.Idle, state.Status);
    }

    [Fact]
    public void Apply_DeltaWithoutAms_KeepsCachedAmsUnitsAndTrays()
    {
        var cache = BambuFixtures.NewCache();
        cache.Apply(BambuFixtures.Load("p1s_pushall_idle_ams.json"), out _);
        cache.Apply(BambuFixtures.Load("p1s_delta_ams_block.json"), out _);

        cache.Apply(Delta("""{"nozzle_temper": 180.5, "nozzle_target_temper": 220}"""), out _);
        var state = Normalize(cache);

        Assert.Equal(new Temperature(180.5, 220), state.Temperatures.Nozzle);
        Assert.Equal(["PLA", "PLA", "PLA", "ABS"], Assert.Single(state.Filament.Units).Trays.Select(t => t.Type));
        Assert.Equal("TPU-AMS", state.Filament.External!.Type);
    }

    [Fact]
    public void Apply_PartialTrayWithIdAndStateOnly_KeepsTheTraysFilament()
    {
        // Reads fields the normalizer does not: the merge rules hold for everything.
        var cache = BambuFixtures.NewCache(shape: BambuCacheShape.Everything);
        cache.Apply(BambuFixtures.Load("h2d_pushall_running_local.json"), out _);

        cache.Apply(Delta("""{"ams": {"ams": [{"id": "1", "tray": [{"id": "2", "state": 10}]}]}}"""), out _);
        var state = Normalize(cache);

        Assert.Equal(2, state.Filament.Units.Count);
        Assert.Equal("PETG-CF", state.Filament.Units[1].Trays[2].Type);
        Assert.Equal(10, (int)cache.Print["ams"]!["ams"]![1]!["tray"]![2]!["state"]!);
    }

    [Fact]
    public void Apply_CancelDeltaThenClearedError_StaysCancelledWhileFailed()
    {
        var cache = BambuFixtures.NewCache();
        cache.Apply(BambuFixtures.Load("x2d_pushall_running_hms_with_timestamps.json"), out _);
        var running = Normalize(cache);

        cache.Apply(BambuFixtures.Load("delta_print_canceled_print_error.json"), out _);
        cache.Apply(Delta("""{"gcode_state": "FAILED"}"""), out _);
        var cancelled = Normalize(cache, running);
        cache.Apply(Delta("""{"print_error": 0}"""), out _);
        var afterReset = Normalize(cache, cancelled);

        Assert.Equal(PrinterStatus.Printing, running.Status);
        Assert.Equal(PrinterStatus.Cancelled, cancelled.Status);
        Assert.Null(cancelled.Error);
        Assert.Equal(BambuFixtures.Now, cancelled.Job.FinishedAt);
        Assert.Equal(PrinterStatus.Cancelled, afterReset.Status);
    }

    [Fact]
    public void Apply_H2dFragments_SwitchesActiveExtruderAndMergesNozzlesById()
    {
        var fragments = BambuFixtures.Load("h2d_partial_fragments.json");
        // Reads fields the normalizer does not: the merge rules hold for everything.
        var cache = BambuFixtures.NewCache(shape: BambuCacheShape.Everything);
        cache.Apply(BambuFixtures.Load("h2d_pushall_running_local.json"), out _);

        cache.Apply((JsonObject)fragments["push_left_extruder"]!.DeepClone(), out _);
        cache.Apply((JsonObject)fragments["push_alt_nozzle_info"]!.DeepClone(), out _);
        cache.Apply((JsonObject)fragments["push_door_opened"]!.DeepClone(), out _);
        var state = Normalize(cache);

        Assert.Equal(new Temperature(47, 0), state.Temperatures.Nozzle);
        Assert.Equal(0.6, (double)cache.Print["device"]!["nozzle"]!["info"]![1]!["diameter"]!);
        Assert.Equal("46A58008", (string)cache.Print["stat"]!);
        Assert.Equal(PrinterStatus.Printing, state.Status);
    }

    private static JsonObject Delta(string fields)
    {
        var print = (JsonObject)JsonNode.Parse(fields)!;
        print["command"] = "push_status";
        print["msg"] = 1;
        return new JsonObject { ["print"] = print };
    }

    private static PrinterState Normalize(BambuReportCache cache, PrinterState? previous = null) =>
        BambuReportNormalizer.Normalize(cache.Print, cache.Version, previous ?? BambuFixtures.Empty(), lockedByReply: false, BambuFixtures.Now);
}
