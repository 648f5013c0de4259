using System.Text.Json;

namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>Reads <c>/api/version</c> and <c>/api/v1/info</c>.</summary>
internal static class PrusaIdentityReader
{
    public static PrusaServerVersion ReadVersion(string body)
    {
        using var document = PrusaJson.ParseObject(body, "/api/version");
        var root = document.RootElement;
        var text = PrusaJson.String(root, "text");
        var original = PrusaJson.String(root, "original");
        var kind = text switch
        {
            "PrusaLink" => PrusaServerKind.Buddy,
            not null when text.StartsWith("PrusaLink ", StringComparison.Ordinal) || original is not null => PrusaServerKind.Pi,
            _ => PrusaServerKind.Unknown,
        };
        var capabilities = PrusaJson.Object(root, "capabilities");
        return new PrusaServerVersion(
            kind,
            PrusaJson.String(root, "api"),
            PrusaJson.String(root, "server"),
            text,
            original,
            PrusaJson.String(root, "firmware"),
            PrusaJson.String(root, "hostname"),
            PrusaJson.Number(root, "nozzle_diameter"),
            capabilities is { } caps && PrusaJson.Bool(caps, "upload-by-put") == true);
    }

    public static PrusaPrinterInfo ReadInfo(string body)
    {
        using var document = PrusaJson.ParseObject(body, "/api/v1/info");
        JsonElement root = document.RootElement;
        return new PrusaPrinterInfo(
            PrusaJson.String(root, "serial"),
            PrusaJson.String(root, "hostname"),
            PrusaJson.String(root, "name"),
            PrusaJson.String(root, "location"),
            PrusaJson.Number(root, "nozzle_diameter"),
            PrusaJson.Int(root, "min_extrusion_temp"),
            PrusaJson.Bool(root, "mmu"));
    }
}
