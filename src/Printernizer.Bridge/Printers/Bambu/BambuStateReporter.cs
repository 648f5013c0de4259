using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>Holds the last state and hands every change to the sink; used only from the connection loop.</summary>
internal sealed class BambuStateReporter
{
    private readonly TimeProvider _time;
    private IPrinterStateSink? _sink;

    public BambuStateReporter(string printerId, string serial, TimeProvider time)
    {
        _time = time;
        Current = new PrinterState { PrinterId = printerId, Serial = serial, UpdatedAt = time.GetUtcNow() };
    }

    public PrinterState Current { get; private set; }

    public void Attach(IPrinterStateSink sink) => _sink = sink;

    public void Report(PrinterState state)
    {
        Current = state;
        _sink?.Report(state);
    }

    /// <summary>Only <c>Online</c> (and the error) change: the last good values stay.</summary>
    public void Offline(PrinterError? error)
    {
        var next = Current with { Online = false, Error = error ?? Current.Error };
        if (next == Current && _sink is not null)
        {
            return;
        }

        Report(next with { UpdatedAt = _time.GetUtcNow() });
    }
}
