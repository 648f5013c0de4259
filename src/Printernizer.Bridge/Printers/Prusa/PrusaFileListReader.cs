using System.Text.Json;

namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>Reads the legacy <c>GET /api/files</c> tree of both servers.</summary>
internal static class PrusaFileListReader
{
    private const int MaxDepth = 16;

    public static IReadOnlyList<PrusaFileEntry> Read(string body)
    {
        using var document = PrusaJson.ParseObject(body, "/api/files");
        return ReadList(document.RootElement, "files", 0);
    }

    /// <summary>A v1 single-file answer, <c>GET /api/v1/files/{storage}/{path}</c> (Buddy <c>ro</c>, Pi/spec <c>read_only</c>).</summary>
    public static PrusaFileEntry ReadV1File(string body)
    {
        using var document = PrusaJson.ParseObject(body, "/api/v1/files");
        var root = document.RootElement;
        var name = PrusaJson.String(root, "name") ?? "";
        var refs = PrusaJson.Object(root, "refs");
        return new PrusaFileEntry(
            name,
            PrusaJson.String(root, "display_name") ?? name,
            null,
            null,
            PrusaJson.String(root, "type") == "FOLDER",
            PrusaJson.Long(root, "size"),
            refs is { } r ? PrusaJson.String(r, "download") : null,
            null,
            []);
    }

    private static PrusaFileEntry[] ReadList(JsonElement parent, string property, int depth) =>
        depth < MaxDepth && PrusaJson.Array(parent, property) is { } items
            ? items.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(e => ReadEntry(e, depth)).ToArray()
            : [];

    private static PrusaFileEntry ReadEntry(JsonElement entry, int depth)
    {
        var name = PrusaJson.String(entry, "name") ?? "";
        var refs = PrusaJson.Object(entry, "refs");
        var analysis = PrusaJson.Object(entry, "gcodeAnalysis");
        return new PrusaFileEntry(
            name,
            PrusaJson.String(entry, "display") ?? name,
            PrusaJson.String(entry, "path"),
            PrusaJson.String(entry, "origin"),
            PrusaJson.String(entry, "type") == "folder",
            PrusaJson.Long(entry, "size"),
            refs is { } r && PrusaJson.String(r, "download") is { } download ? "/" + download.TrimStart('/') : null,
            analysis is { } a ? PrusaJson.String(a, "material") : null,
            ReadList(entry, "children", depth + 1));
    }
}
