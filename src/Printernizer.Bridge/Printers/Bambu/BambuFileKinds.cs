using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>What a file on a Bambu printer is, from its folder and extension.</summary>
internal static class BambuFileKinds
{
    /// <summary>The folders of the protocol facts; the top level holds LAN uploads.</summary>
    public static readonly string[] KnownFolders = ["/cache", "/model", "/timelapse"];

    public static PrinterFileType Classify(string path)
    {
        if (path.StartsWith("/timelapse/", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".avi", StringComparison.OrdinalIgnoreCase))
        {
            return PrinterFileType.Timelapse;
        }

        return path.EndsWith(".3mf", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".gcode", StringComparison.OrdinalIgnoreCase)
            ? PrinterFileType.Print
            : PrinterFileType.Other;
    }
}
