namespace Printernizer.Bridge.Domain;

internal static class PrinterFileTypeExtensions
{
    public static string ToWire(this PrinterFileType type) => type switch
    {
        PrinterFileType.Folder => "folder",
        PrinterFileType.Print => "print",
        PrinterFileType.Timelapse => "timelapse",
        _ => "other",
    };
}
