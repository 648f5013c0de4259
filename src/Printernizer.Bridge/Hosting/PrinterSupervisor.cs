using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Printernizer.Bridge.Observability;
using Printernizer.Bridge.Printers;
using Printernizer.Bridge.Publishing;

namespace Printernizer.Bridge.Hosting;

/// <summary>
/// Runs every printer's connection loop side by side. Each loop is its own failure boundary:
/// an adapter that throws is logged and restarted, and never stops the host or another printer.
/// A loop also restarts on request (<see cref="PrinterRunControl"/>). Everything a loop logs
/// carries the printer id as the <c>printer</c> property.
/// </summary>
internal sealed partial class PrinterSupervisor : BackgroundService
{
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(5);

    private readonly PrinterFleet _fleet;
    private readonly BridgePublisher _publisher;
    private readonly TimeProvider _time;
    private readonly ILogger<PrinterSupervisor> _logger;
    private readonly PrinterRunControl _runs;
    private readonly BridgeMetrics? _metrics;

    public PrinterSupervisor(
        PrinterFleet fleet, BridgePublisher publisher, TimeProvider time, ILogger<PrinterSupervisor> logger,
        PrinterRunControl? runs = null, BridgeMetrics? metrics = null)
    {
        _fleet = fleet;
        _publisher = publisher;
        _time = time;
        _logger = logger;
        _runs = runs ?? new PrinterRunControl();
        _metrics = metrics;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_fleet.All.Select(p => Task.Run(() => RunPrinterAsync(p, stoppingToken), CancellationToken.None)));

    private async Task RunPrinterAsync(PrinterHandle printer, CancellationToken stoppingToken)
    {
        // The scope flows into every task the adapter starts (AsyncLocal), MQTT callbacks included.
        using var scope = _logger.BeginScope(new Dictionary<string, object> { ["printer"] = printer.Id });
        var sink = new PrinterStateSink(printer, _publisher, stoppingToken, _metrics?.Printer(printer.Id));
        while (!stoppingToken.IsCancellationRequested)
        {
            using var run = _runs.Begin(printer.Id, stoppingToken);
            bool again;
            try
            {
                await printer.Adapter.RunAsync(sink, run.Token).ConfigureAwait(false);
                again = run.RestartRequested;
            }
            catch (OperationCanceledException) when (run.Token.IsCancellationRequested)
            {
                again = run.RestartRequested;
            }
            catch (Exception ex)
            {
                LogAdapterCrashed(ex, printer.Id, RestartDelay.TotalSeconds);
                await DelayAsync(run.Token).ConfigureAwait(false);
                again = true;
            }

            if (!again || stoppingToken.IsCancellationRequested)
            {
                return;
            }

            if (run.RestartRequested)
            {
                LogRestartRequested(printer.Id);
            }
        }
    }

    private async Task DelayAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(RestartDelay, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping, or a restart request cut the wait short.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Printer {PrinterId}: connection loop failed, restarting in {DelaySeconds} s")]
    private partial void LogAdapterCrashed(Exception exception, string printerId, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Printer {PrinterId}: restarting the connection on request")]
    private partial void LogRestartRequested(string printerId);
}
