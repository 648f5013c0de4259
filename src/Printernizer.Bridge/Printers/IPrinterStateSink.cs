using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers;

/// <summary>Where an adapter reports its printer's state. Must not block.</summary>
internal interface IPrinterStateSink
{
    void Report(PrinterState state);
}
