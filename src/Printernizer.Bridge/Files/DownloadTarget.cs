namespace Printernizer.Bridge.Files;

/// <summary>
/// Where a download lands: <c>&lt;state_dir&gt;/downloads/&lt;id&gt;/&lt;printer path&gt;</c>, never
/// outside that folder. Refuses <c>..</c>, rooted or drive paths, backslashes, control characters,
/// and any existing symbolic link on the way (a link could point anywhere).
/// </summary>
internal static class DownloadTarget
{
    public static string Resolve(string stateDirectory, string printerId, string printerPath)
    {
        var root = Path.GetFullPath(Path.Combine(stateDirectory, "downloads", printerId));
        var text = printerPath ?? string.Empty;
        if (text.Contains('\\', StringComparison.Ordinal) || text.Any(char.IsControl) || (text.Length >= 2 && text[1] == ':'))
        {
            throw Invalid(printerPath);
        }

        var segments = text.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || segments.Any(s => s is "." or ".."))
        {
            throw Invalid(printerPath);
        }

        var full = Path.GetFullPath(Path.Combine([root, .. segments]));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw Invalid(printerPath);
        }

        RefuseLinks(stateDirectory, full);
        return full;
    }

    private static void RefuseLinks(string stateDirectory, string full)
    {
        var current = Path.GetFullPath(stateDirectory);
        foreach (var part in Path.GetRelativePath(current, full).Split(Path.DirectorySeparatorChar))
        {
            current = Path.Combine(current, part);
            var info = new FileInfo(current);
            if (info.Exists || Directory.Exists(current))
            {
                if (info.LinkTarget is not null || new DirectoryInfo(current).LinkTarget is not null)
                {
                    throw new Printers.PrinterFileException("invalid_path", $"refusing to write through the symbolic link '{current}'");
                }
            }
        }
    }

    private static Printers.PrinterFileException Invalid(string? path) =>
        new("invalid_path", $"invalid path '{path}': it must stay inside the printer's download folder (no '..', no drive, no backslash)");
}
