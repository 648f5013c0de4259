namespace Printernizer.Bridge.Domain;

internal enum PrinterCommand
{
    Cancel,
    Pause,
    Resume,
}
