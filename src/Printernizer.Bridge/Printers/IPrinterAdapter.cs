using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers;

/// <summary>
/// One printer's connection in the printer's own protocol. The adapter owns that connection:
/// it connects, reconnects with backoff and reports every change of the normalized state.
/// It never publishes and never sees the local broker.
/// </summary>
internal interface IPrinterAdapter : IAsyncDisposable
{
    string PrinterId { get; }

    /// <summary>
    /// Runs the connection loop until <paramref name="cancellationToken"/> is cancelled.
    /// Reports state to <paramref name="sink"/> from this loop only (never concurrently).
    /// Catches its own failures: only cancellation ends it.
    /// </summary>
    Task RunAsync(IPrinterStateSink sink, CancellationToken cancellationToken);

    /// <summary>Sends a command and waits for the printer's answer; never throws for printer-side failures.</summary>
    Task<CommandResult> ExecuteAsync(PrinterCommand command, CancellationToken cancellationToken);
}
