using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// Holds the last state and hands every change to the sink; used only from the connection loop.
/// A report whose content equals the last one is dropped: an idle printer pushes every second or
/// two, and <see cref="PrinterState.UpdatedAt"/> is the time of the last change, not of the last report.
/// </summary>
internal sealed class BambuStateReporter
{
    private readonly TimeProvider _time;
    private IPrinterStateSink? _sink;
    private bool _reported;

    public BambuStateReporter(string printerId, string serial, TimeProvider time)
    {
        _time = time;
        Current = new PrinterState { PrinterId = printerId, Serial = serial, UpdatedAt = time.GetUtcNow() };
    }

    public PrinterState Current { get; private set; }

    public void Attach(IPrinterStateSink sink)
    {
        _sink = sink;
        _reported = false;
    }

    public void Report(PrinterState state)
    {
        if (_reported && PrinterStateContent.SameExceptUpdatedAt(Current, state))
        {
            return;
        }

        Current = state;
        if (_sink is not null)
        {
            _reported = true;
            _sink.Report(state);
        }
    }

    /// <summary>Only <c>Online</c> (and the error) change: the last good values stay.</summary>
    public void Offline(PrinterError? error) =>
        Report(Current with { Online = false, Error = error ?? Current.Error, UpdatedAt = _time.GetUtcNow() });
}
