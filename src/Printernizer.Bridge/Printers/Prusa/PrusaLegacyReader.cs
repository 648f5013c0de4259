namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>Reads the OctoPrint-style endpoints both servers still serve.</summary>
internal static class PrusaLegacyReader
{
    public static PrusaLegacyPrinter ReadPrinter(string body)
    {
        using var document = PrusaJson.ParseObject(body, "/api/printer");
        var root = document.RootElement;
        var telemetry = PrusaJson.Object(root, "telemetry");
        var temperature = PrusaJson.Object(root, "temperature");
        var state = PrusaJson.Object(root, "state");
        var flags = state is { } s ? PrusaJson.Object(s, "flags") : null;
        var tool = temperature is { } t ? PrusaJson.Object(t, "tool0") : null;
        var bed = temperature is { } t2 ? PrusaJson.Object(t2, "bed") : null;
        return new PrusaLegacyPrinter(
            state is { } s2 ? PrusaJson.String(s2, "text") : null,
            flags is { } f ? PrusaJson.String(f, "link_state") : null,
            tool is { } tl ? PrusaJson.Number(tl, "actual") : null,
            bed is { } b ? PrusaJson.Number(b, "actual") : null,
            telemetry is { } tm ? NormalizeMaterial(PrusaJson.String(tm, "material")) : null);
    }

    public static PrusaLegacyJob ReadJob(string body)
    {
        using var document = PrusaJson.ParseObject(body, "/api/job");
        var root = document.RootElement;
        var job = PrusaJson.Object(root, "job");
        var file = job is { } j ? PrusaJson.Object(j, "file") : null;
        var progress = PrusaJson.Object(root, "progress");
        return new PrusaLegacyJob(
            PrusaJson.String(root, "state"),
            progress is { } p && PrusaJson.Number(p, "completion") is { } fraction ? Math.Round(fraction * 100, 2) : null,
            progress is { } p1 ? PrusaJson.Int(p1, "printTimeLeft") : null,
            progress is { } p2 ? PrusaJson.Int(p2, "printTime") : null,
            job is { } j1 ? PrusaJson.Int(j1, "estimatedPrintTime") : null,
            file is { } f ? PrusaJson.String(f, "display") ?? PrusaJson.String(f, "name") : null,
            file is { } f1 ? PrusaJson.String(f1, "path") : null);
    }

    /// <summary>The Pi reports <c>" - "</c> for "no idea"; that is no material, not a material called "-".</summary>
    public static string? NormalizeMaterial(string? material)
    {
        var trimmed = material?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.All(c => c == '-') ? null : trimmed;
    }
}
