namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>Reads <c>/api/v1/job</c> (200 only; 204 means no job).</summary>
internal static class PrusaJobReader
{
    public static PrusaJob Read(string body)
    {
        using var document = PrusaJson.ParseObject(body, "/api/v1/job");
        var root = document.RootElement;
        var file = PrusaJson.Object(root, "file");
        var meta = file is { } f ? PrusaJson.Object(f, "meta") : null;
        var name = file is { } f1 ? PrusaJson.String(f1, "name") : null;
        var path = file is { } f2 ? PrusaJson.String(f2, "path") : null;
        return new PrusaJob(
            PrusaJson.Int(root, "id"),
            PrusaJson.String(root, "state")?.ToUpperInvariant(),
            PrusaJson.Number(root, "progress"),
            PrusaJson.Int(root, "time_remaining"),
            PrusaJson.Int(root, "time_printing"),
            name,
            file is { } f3 ? PrusaJson.String(f3, "display_name") ?? name : null,
            FullPath(path, name),
            file is { } f4 ? PrusaJson.Long(f4, "size") : null,
            meta is { } m ? PrusaJson.String(m, "filament_type") : null);
    }

    // Buddy's path is the directory ("/usb"), the Pi's already ends with the file name.
    private static string? FullPath(string? path, string? name)
    {
        if (path is null || name is null)
        {
            return path ?? name;
        }

        return path.EndsWith("/" + name, StringComparison.Ordinal) ? path : $"{path.TrimEnd('/')}/{name}";
    }
}
