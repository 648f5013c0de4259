namespace Printernizer.Bridge.Printers.Bambu;

internal enum BambuMessageKind
{
    Ignored,
    Report,
    Version,
    Acknowledgement,
}
