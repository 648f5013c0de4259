using System.Text.Json;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>
/// Reads v1 answers: <c>/api/v1/storage</c> and <c>/api/v1/files/{storage}/{path}</c> (a folder with
/// <c>children</c>, or one file). Buddy writes <c>ro</c>, the Pi and the spec <c>read_only</c>;
/// Buddy children have no <c>size</c>.
/// </summary>
internal static class PrusaV1FileReader
{
    public static IReadOnlyList<PrinterFileEntry> ReadStorages(string body)
    {
        using var document = PrusaJson.ParseObject(body, "/api/v1/storage");
        if (PrusaJson.Array(document.RootElement, "storage_list") is not { } list)
        {
            return [];
        }

        return list.EnumerateArray()
            .Where(s => s.ValueKind == JsonValueKind.Object && PrusaJson.Bool(s, "available") != false)
            .Select(s => PrusaJson.String(s, "path")?.Trim('/') is { Length: > 0 } name
                ? new PrinterFileEntry(name, "/" + name, null, null, PrinterFileType.Folder, PrusaJson.String(s, "name") ?? name)
                : null)
            .OfType<PrinterFileEntry>()
            .ToArray();
    }

    /// <summary>The entries of a folder answer, or the one entry of a file answer, with their download refs.</summary>
    public static IReadOnlyList<PrusaV1Entry> ReadFolder(string body, string folderPath)
    {
        using var document = PrusaJson.ParseObject(body, "/api/v1/files");
        var root = document.RootElement;
        if (PrusaJson.String(root, "type") != "FOLDER")
        {
            var name = PrusaJson.String(root, "name") ?? folderPath.Split('/')[^1];
            return [ReadEntry(root, folderPath[..Math.Max(0, folderPath.LastIndexOf('/'))], name)];
        }

        return PrusaJson.Array(root, "children") is { } children
            ? children.EnumerateArray()
                .Where(c => c.ValueKind == JsonValueKind.Object && PrusaJson.String(c, "name") is { Length: > 0 })
                .Select(c => ReadEntry(c, folderPath, PrusaJson.String(c, "name")!))
                .ToArray()
            : [];
    }

    private static PrusaV1Entry ReadEntry(JsonElement element, string folderPath, string name)
    {
        var type = PrusaJson.String(element, "type") switch
        {
            "FOLDER" => PrinterFileType.Folder,
            "PRINT_FILE" => PrinterFileType.Print,
            _ => PrinterFileType.Other,
        };
        var modified = PrusaJson.Long(element, "m_timestamp") is { } seconds and > 0 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null;
        var refs = PrusaJson.Object(element, "refs");
        var entry = new PrinterFileEntry(
            name,
            folderPath.TrimEnd('/') + "/" + name,
            type == PrinterFileType.Folder ? null : PrusaJson.Long(element, "size"),
            modified,
            type,
            PrusaJson.String(element, "display_name") ?? name);
        return new PrusaV1Entry(
            entry,
            PrusaJson.Bool(element, "ro") ?? PrusaJson.Bool(element, "read_only") ?? false,
            refs is { } r ? Absolute(PrusaJson.String(r, "download")) : null,
            refs is { } t ? Absolute(PrusaJson.String(t, "thumbnail")) : null);
    }

    private static string? Absolute(string? reference) => reference is { Length: > 0 } ? "/" + reference.TrimStart('/') : null;
}
