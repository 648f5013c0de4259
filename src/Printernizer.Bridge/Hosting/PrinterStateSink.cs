using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Observability;
using Printernizer.Bridge.Printers;
using Printernizer.Bridge.Publishing;

namespace Printernizer.Bridge.Hosting;

/// <summary>Connects one adapter to the publisher; also keeps the latest state for the command router.</summary>
internal sealed class PrinterStateSink : IPrinterStateSink
{
    private readonly PrinterHandle _printer;
    private readonly BridgePublisher _publisher;
    private readonly CancellationToken _bridgeStopping;
    private readonly PrinterMetrics? _metrics;

    public PrinterStateSink(PrinterHandle printer, BridgePublisher publisher, CancellationToken bridgeStopping, PrinterMetrics? metrics = null)
    {
        _printer = printer;
        _publisher = publisher;
        _bridgeStopping = bridgeStopping;
        _metrics = metrics;
    }

    public void Report(PrinterState state)
    {
        // An adapter closing its session because the bridge stops is not the printer going
        // offline: no printer_offline event, and the retained availability stays as it was.
        if (_bridgeStopping.IsCancellationRequested)
        {
            return;
        }

        // An adapter cannot publish under another printer's id.
        var owned = state.PrinterId == _printer.Id ? state : state with { PrinterId = _printer.Id };
        _printer.SetLatest(owned);
        _metrics?.StateReported(owned.Online);
        _publisher.Report(owned);
    }
}
