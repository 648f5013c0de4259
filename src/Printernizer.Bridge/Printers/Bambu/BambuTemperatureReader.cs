using System.Text.Json.Nodes;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// Nozzle, bed and chamber. Packed <c>device.*.info.temp</c> values win when present (new
/// firmware); a chamber the model has no sensor for is null (P1/A1 report a constant 5).
/// </summary>
internal static class BambuTemperatureReader
{
    // No printer heats beyond this or reads below it: anything outside is garbage, read as absent, never published.
    private const double MinPlausible = -50;
    private const double MaxPlausible = 600;

    public static Temperatures Read(JsonObject print, BambuModel? model)
    {
        var device = BambuJson.Object(print["device"]);
        return new Temperatures(Plausible(Nozzle(print, device)), Plausible(Bed(print, device)), Plausible(Chamber(print, device, model)));
    }

    private static Temperature? Plausible(Temperature? temperature)
    {
        if (temperature is null)
        {
            return null;
        }

        var current = temperature.Current is >= MinPlausible and <= MaxPlausible ? temperature.Current : null;
        var target = temperature.Target is >= MinPlausible and <= MaxPlausible ? temperature.Target : null;
        return current is null && target is null ? null : temperature with { Current = current, Target = target };
    }

    private static Temperature? Nozzle(JsonObject print, JsonObject? device)
    {
        var extruder = BambuJson.Object(BambuJson.Path(device, "extruder"));
        if (extruder is not null)
        {
            // Dual-nozzle printers: the active extruder is (state >> 4) & 0xF.
            var active = (BambuJson.Long(extruder["state"]) ?? 0) >> 4 & 0xF;
            if (BambuJson.Long(ActiveNozzle(extruder["info"], active)?["temp"]) is { } packed)
            {
                return BambuPackedTemperature.Decode(packed);
            }
        }

        return Plain(print["nozzle_temper"], print["nozzle_target_temper"]);
    }

    /// <summary>The info entry of the active nozzle, else the first one.</summary>
    private static JsonObject? ActiveNozzle(JsonNode? infos, long active)
    {
        JsonObject? first = null;
        foreach (var info in BambuJson.Objects(infos))
        {
            if (BambuJson.Long(info["id"]) == active)
            {
                return info;
            }

            first ??= info;
        }

        return first;
    }

    private static Temperature? Bed(JsonObject print, JsonObject? device)
    {
        if (BambuJson.Long(BambuJson.Path(device, "bed", "info", "temp")) is { } packed)
        {
            return BambuPackedTemperature.Decode(packed);
        }

        return Plain(print["bed_temper"], print["bed_target_temper"]);
    }

    private static Temperature? Chamber(JsonObject print, JsonObject? device, BambuModel? model)
    {
        if (model is { ChamberSensor: false })
        {
            return null;
        }

        var hasTarget = model?.ChamberHeater ?? false;
        if (BambuJson.Long(BambuJson.Path(device, "ctc", "info", "temp")) is { } packed)
        {
            return BambuPackedTemperature.Decode(packed, hasTarget);
        }

        var current = BambuJson.Number(print["chamber_temper"]);

        // Unknown model: the constant 5 is the "no sensor" placeholder of P1/A1.
        if (current is null || (model is null && current == 5))
        {
            return null;
        }

        return new Temperature(current, null);
    }

    private static Temperature? Plain(JsonNode? current, JsonNode? target)
    {
        var c = BambuJson.Number(current);
        var t = BambuJson.Number(target);
        return c is null && t is null ? null : new Temperature(c, t);
    }
}
