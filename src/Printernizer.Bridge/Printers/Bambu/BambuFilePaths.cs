namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>Printer paths as the FTPS server takes them: absolute, forward slashes, no <c>..</c>.</summary>
internal static class BambuFilePaths
{
    public static string Normalize(string path)
    {
        var trimmed = (path ?? string.Empty).Trim();
        var segments = trimmed.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s is "." or ".." || s.Contains('\\', StringComparison.Ordinal)) || trimmed.Any(char.IsControl))
        {
            throw new PrinterFileException("invalid_path", $"invalid printer path '{path}': no '.', '..', backslashes or control characters");
        }

        return "/" + string.Join('/', segments);
    }
}
