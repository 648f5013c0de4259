using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// AMS units, trays and the external spool. <c>tray_now</c> is <c>unit*4+slot</c>, 254 for the
/// external spool and the unit id itself for an AMS HT (id 128+); <c>tray_exist_bits</c> says which slots hold a spool.
/// </summary>
internal static class BambuFilamentReader
{
    private const int ExternalSpool = 254;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    public static FilamentState Read(JsonObject print)
    {
        var ams = BambuJson.Object(print["ams"]);
        var trayNow = BambuJson.Int(ams?["tray_now"]);
        var exist = BambuJson.Hex(ams?["tray_exist_bits"]);
        var units = new List<FilamentUnit>(BambuJson.Array(ams?["ams"])?.Count ?? 0);
        foreach (var unit in BambuJson.Objects(ams?["ams"]))
        {
            if (Unit(unit, trayNow, exist) is { } read)
            {
                units.Add(read);
            }
        }

        return new FilamentState(units, External(print, trayNow), null);
    }

    private static FilamentUnit? Unit(JsonObject unit, int? trayNow, ulong? exist)
    {
        if (BambuJson.Int(unit["id"]) is not { } unitId)
        {
            return null;
        }

        var humidity = BambuJson.Number(unit["humidity_raw"]);
        var temperature = BambuJson.Number(unit["temp"]);
        var trays = new List<FilamentTray>(BambuJson.Array(unit["tray"])?.Count ?? 0);
        foreach (var tray in BambuJson.Objects(unit["tray"]))
        {
            if (BambuJson.Int(tray["id"]) is not null)
            {
                trays.Add(Tray(tray, unitId, trayNow, exist));
            }
        }

        // AMS Lite has neither sensor and reports 0.
        return new FilamentUnit(
            unitId.ToString(CultureInfo.InvariantCulture),
            humidity is > 0 ? humidity : null,
            temperature is 0 ? null : temperature,
            trays);
    }

    private static FilamentTray Tray(JsonObject tray, int unitId, int? trayNow, ulong? exist)
    {
        var slot = BambuJson.Int(tray["id"])!.Value;
        var isHt = unitId >= 128;
        var index = isHt ? unitId : unitId * 4 + slot;

        // Captures disagree on where an AMS HT's bit sits, so only four-slot units are checked.
        var present = isHt || exist is not { } bits || index >= 64 || (bits >> index & 1) == 1;
        var id = slot.ToString(CultureInfo.InvariantCulture);
        if (!present)
        {
            return new FilamentTray(id, null, null, null, false);
        }

        return Spool(id, tray, trayNow == index);
    }

    private static FilamentTray? External(JsonObject print, int? trayNow)
    {
        var spool = BambuJson.Object(print["vt_tray"]) is { } vt && BambuJson.Int(vt["id"]) == ExternalSpool
            ? vt
            : VirtualSlot(print["vir_slot"]) ?? BambuJson.Object(print["vt_tray"]);
        if (spool is null)
        {
            return null;
        }

        return Spool(ExternalSpool.ToString(CultureInfo.InvariantCulture), spool, trayNow == ExternalSpool);
    }

    private static JsonObject? VirtualSlot(JsonNode? slots)
    {
        foreach (var slot in BambuJson.Objects(slots))
        {
            if (BambuJson.Int(slot["id"]) == ExternalSpool)
            {
                return slot;
            }
        }

        return null;
    }

    /// <summary>A slot without a filament type is empty: its colour and remain are placeholders.</summary>
    private static FilamentTray Spool(string id, JsonObject tray, bool active)
    {
        var type = BambuJson.Text(tray["tray_type"]);
        return type is null
            ? new FilamentTray(id, null, null, null, active)
            : new FilamentTray(id, type, Color(tray["tray_color"]), Remain(tray["remain"]), active);
    }

    /// <summary><c>RRGGBBAA</c> to <c>#RRGGBB</c>; fully transparent means "no colour known".</summary>
    private static string? Color(JsonNode? node)
    {
        var text = BambuJson.Text(node);
        if (text is null || text.Length < 6 || text == "00000000" || text.AsSpan(0, 6).ContainsAnyExcept(HexDigits))
        {
            return null;
        }

        return string.Create(7, text, static (color, source) =>
        {
            color[0] = '#';
            Ascii.ToUpper(source.AsSpan(0, 6), color[1..], out _);
        });
    }

    private static int? Remain(JsonNode? node) => BambuJson.Int(node) is { } r and >= 0 and <= 100 ? r : null;
}
