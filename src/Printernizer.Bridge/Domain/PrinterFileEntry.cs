namespace Printernizer.Bridge.Domain;

/// <summary>One file or folder on a printer, the same for every printer type.</summary>
/// <param name="Path">Absolute on the printer (<c>/cache/benchy.3mf</c>, <c>/usb/DIR/FILE.BGC</c>); what a download asks for.</param>
/// <param name="Size">Bytes, or null when the printer does not say (Buddy listings).</param>
/// <param name="DisplayName">The long name where the printer has one (Buddy's 8.3 names), else the name.</param>
internal sealed record PrinterFileEntry(
    string Name,
    string Path,
    long? Size,
    DateTimeOffset? Modified,
    PrinterFileType Type,
    string DisplayName);
