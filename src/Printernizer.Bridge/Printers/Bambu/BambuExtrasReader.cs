using System.Text.Json.Nodes;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>Fans (0–15 steps to percent), speed level and lights.</summary>
internal static class BambuExtrasReader
{
    public static FanSpeeds Fans(JsonObject print, BambuModel? model) => new(
        Percent(print["cooling_fan_speed"]),
        model is { AuxFan: false } ? null : Percent(print["big_fan1_speed"]),
        model is { ChamberFan: false } ? null : Percent(print["big_fan2_speed"]),
        null,
        null);

    public static MotionSettings Motion(JsonObject print) => new(
        BambuJson.Int(print["spd_lvl"]) switch
        {
            1 => "silent",
            2 => "standard",
            3 => "sport",
            4 => "ludicrous",
            _ => null,
        },
        BambuJson.Int(print["spd_mag"]),
        null);

    public static LightStates Lights(JsonObject print)
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

        return new LightStates(chamber, work);
    }

    private static int? Percent(JsonNode? node) =>
        BambuJson.Int(node) is { } step and >= 0 and <= 15 ? (int)Math.Round(step * 100 / 15.0) : null;
}
