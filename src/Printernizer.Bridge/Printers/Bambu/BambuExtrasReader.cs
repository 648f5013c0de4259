using System.Text.Json.Nodes;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>Fans (0–15 steps to percent), speed level and lights.</summary>
internal static class BambuExtrasReader
{
    // Each takes the last state's record and returns it when nothing changed: a report a second, mostly the same.
    public static FanSpeeds Fans(JsonObject print, BambuModel? model, FanSpeeds previous)
    {
        var part = Percent(print["cooling_fan_speed"]);
        var aux = model is { AuxFan: false } ? null : Percent(print["big_fan1_speed"]);
        var chamber = model is { ChamberFan: false } ? null : Percent(print["big_fan2_speed"]);
        return previous.PartPercent == part && previous.AuxPercent == aux && previous.ChamberPercent == chamber
            && previous.HotendRpm is null && previous.PrintRpm is null
            ? previous
            : new FanSpeeds(part, aux, chamber, null, null);
    }

    public static MotionSettings Motion(JsonObject print, MotionSettings previous)
    {
        var level = BambuJson.Int(print["spd_lvl"]) switch
        {
            1 => "silent",
            2 => "standard",
            3 => "sport",
            4 => "ludicrous",
            _ => null,
        };
        var percent = BambuJson.Int(print["spd_mag"]);
        return previous.SpeedLevel == level && previous.SpeedPercent == percent && previous.FlowPercent is null
            ? previous
            : new MotionSettings(level, percent, null);
    }

    public static LightStates Lights(JsonObject print, LightStates previous)
    {
        bool? chamber = null, work = null;
        foreach (var light in BambuJson.Objects(print["lights_report"]))
        {
            var on = BambuJson.String(light["mode"]) is "on" or "flashing";
            switch (BambuJson.String(light["node"]))
            {
                case "chamber_light": chamber = on; break;
                case "work_light": work = on; break;
            }
        }

        return previous.Chamber == chamber && previous.Work == work ? previous : new LightStates(chamber, work);
    }

    private static int? Percent(JsonNode? node) =>
        BambuJson.Int(node) is { } step and >= 0 and <= 15 ? (int)Math.Round(step * 100 / 15.0) : null;
}
