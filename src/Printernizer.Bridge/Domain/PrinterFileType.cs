namespace Printernizer.Bridge.Domain;

/// <summary>What a printer file is, as far as a user cares.</summary>
internal enum PrinterFileType
{
    Other,
    Folder,
    Print,
    Timelapse,
}
