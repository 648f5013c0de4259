using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers;

/// <summary>A configured printer at run time: its adapter and the last state it reported.</summary>
internal sealed class PrinterHandle : IDisposable
{
    private PrinterState? _latest;

    public PrinterHandle(PrinterDefinition definition, IPrinterAdapter adapter)
    {
        Definition = definition;
        Adapter = adapter;
    }

    public PrinterDefinition Definition { get; }

    public IPrinterAdapter Adapter { get; }

    public string Id => Definition.Id;

    public PrinterState? Latest => Volatile.Read(ref _latest);

    /// <summary>One command at a time per printer: a second cancel never overtakes the first.</summary>
    public SemaphoreSlim CommandGate { get; } = new(1, 1);

    public void SetLatest(PrinterState state) => Volatile.Write(ref _latest, state);

    public void Dispose() => CommandGate.Dispose();
}
