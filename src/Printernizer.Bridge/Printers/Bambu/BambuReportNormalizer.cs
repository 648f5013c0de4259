using System.Text.Json.Nodes;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>The cached (merged) report plus version info to the normalized <see cref="PrinterState"/>.</summary>
internal static class BambuReportNormalizer
{
    private const ulong SignatureRequiredBit = 0x20000000;

    /// <summary>The cache's report, with the AMS and HMS reads it keeps until their blocks change.</summary>
    /// <param name="lockedByReply">A command was answered with <c>err_code</c> 84033543 on this connection.</param>
    public static PrinterState Normalize(BambuReportCache cache, PrinterState previous, bool lockedByReply, DateTimeOffset now) =>
        Normalize(cache.Print, cache.Version, previous, lockedByReply, now, cache.Filament, cache.Hms);

    /// <param name="lockedByReply">A command was answered with <c>err_code</c> 84033543 on this connection.</param>
    public static PrinterState Normalize(
        JsonObject print,
        BambuVersionInfo version,
        PrinterState previous,
        bool lockedByReply,
        DateTimeOffset now) =>
        Normalize(print, version, previous, lockedByReply, now, BambuFilamentReader.Read(print), BambuHmsDecoder.Decode(print["hms"]));

    private static PrinterState Normalize(
        JsonObject print,
        BambuVersionInfo version,
        PrinterState previous,
        bool lockedByReply,
        DateTimeOffset now,
        FilamentState filament,
        IReadOnlyList<HmsEntry> hms)
    {
        var model = BambuModelCatalog.Find(version.Model);
        var printError = BambuJson.Long(print["print_error"]);
        var gcodeState = BambuJson.String(print["gcode_state"]);
        var status = BambuStatusMapper.Map(gcodeState, printError, previous.Status);
        var job = BambuJobReader.Job(print, status, previous, now);
        var locked = lockedByReply || (BambuJson.Hex(print["fun"]) is { } fun && (fun & SignatureRequiredBit) != 0);

        return previous with
        {
            Online = true,
            HasData = true,
            Status = status,
            Stage = BambuStageText.Describe(
                BambuJson.Int(print["stg_cur"]) ?? BambuJson.Int(BambuJson.Path(print, "stage", "_id")),
                gcodeState is "RUNNING" or "PAUSE" or "PREPARE"),
            Error = BambuPrintErrorFormatter.ToError(printError),
            Hms = hms,
            Control = locked ? ControlState.Locked : ControlState.Available,
            Model = version.Model ?? previous.Model,
            Firmware = version.Firmware ?? previous.Firmware,
            Temperatures = BambuTemperatureReader.Read(print, model, previous.Temperatures),
            Progress = BambuProgressReader.Read(print, job, previous, now),
            Job = job,
            Filament = filament,
            Fans = BambuExtrasReader.Fans(print, model, previous.Fans),
            Motion = BambuExtrasReader.Motion(print, previous.Motion),
            Lights = BambuExtrasReader.Lights(print, previous.Lights),
            Capabilities = Capabilities(print, model, previous.Capabilities),
            UpdatedAt = now,
        };
    }

    private static PrinterCapabilities Capabilities(JsonObject print, BambuModel? model, PrinterCapabilities previous)
    {
        var capabilities = (Chamber: model?.ChamberSensor ?? BambuJson.Path(print, "device", "ctc") is JsonObject,
            ChamberTarget: model?.ChamberHeater ?? false,
            Lights: print["lights_report"] is JsonArray);
        if (previous is { Layers: true, Hms: true, Filament: true, Fans: true, Motion: true, Pause: true, Thumbnail: true }
            && (previous.ChamberTemperature, previous.ChamberTarget, previous.Lights) == capabilities)
        {
            return previous;
        }

        return new(
            ChamberTemperature: capabilities.Chamber,
            ChamberTarget: capabilities.ChamberTarget,
            Layers: true,
            Hms: true,
            Filament: true,
            Fans: true,
            Motion: true,
            Lights: capabilities.Lights,
            Pause: true) { Thumbnail = true };
    }
}
