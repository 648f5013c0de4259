using System.Text.Json;

namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>Reads the Pi's <c>GET /api/v1/cameras</c> (Buddy has no cameras endpoint).</summary>
internal static class PrusaCameraReader
{
    /// <summary>The ids of the configured cameras.</summary>
    public static IReadOnlyList<string> ReadCameraIds(string body)
    {
        using var document = PrusaJson.ParseObject(body, "/api/v1/cameras");
        return PrusaJson.Array(document.RootElement, "camera_list") is { } list
            ? list.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.Object)
                .Select(e => PrusaJson.String(e, "camera_id") ?? PrusaJson.String(e, "id"))
                .OfType<string>()
                .ToArray()
            : [];
    }
}
