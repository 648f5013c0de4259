using System.Collections.Frozen;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>Text for <c>stg_cur</c> (Home Assistant's <c>CURRENT_STAGE_IDS</c>); -1 and 255 mean idle.</summary>
internal static class BambuStageText
{
    private static readonly FrozenDictionary<int, string> Stages = new Dictionary<int, string>
    {
        [0] = "printing", [1] = "auto bed leveling", [2] = "heatbed preheating", [3] = "vibration compensation",
        [4] = "changing filament", [5] = "M400 pause", [6] = "paused: filament runout", [7] = "heating hotend",
        [8] = "calibrating extrusion", [9] = "scanning bed surface", [10] = "inspecting first layer",
        [11] = "identifying build plate type", [12] = "calibrating micro lidar", [13] = "homing toolhead",
        [14] = "cleaning nozzle tip", [15] = "checking extruder temperature", [16] = "paused by user",
        [17] = "paused: front cover falling", [18] = "calibrating micro lidar", [19] = "calibrating extrusion flow",
        [20] = "paused: nozzle temperature malfunction", [21] = "paused: heatbed temperature malfunction",
        [22] = "filament unloading", [23] = "paused: skipped step", [24] = "filament loading",
        [25] = "calibrating motor noise", [26] = "paused: AMS lost", [27] = "paused: low heatbreak fan speed",
        [28] = "paused: chamber temperature control error", [29] = "cooling chamber", [30] = "paused by user G-code",
        [31] = "motor noise showoff", [32] = "paused: nozzle filament covered", [33] = "paused: cutter error",
        [34] = "paused: first layer error", [35] = "paused: nozzle clog", [49] = "heating chamber",
        [77] = "preparing AMS",
    }.ToFrozenDictionary();

    /// <summary>
    /// Stage 0 means "printing" only while a job runs: P1/A1 also report 0 at idle.
    /// </summary>
    public static string? Describe(int? stage, bool jobRunning)
    {
        return stage switch
        {
            null => null,
            -1 or 255 => "idle",
            0 when !jobRunning => "idle",
            _ => Stages.TryGetValue(stage.Value, out var text) ? text : $"stage {stage.Value}",
        };
    }
}
