using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Printernizer.Bridge.Printers;
using Printernizer.Bridge.Publishing;

namespace Printernizer.Bridge.Hosting;

/// <summary>
/// Runs every printer's connection loop side by side. Each loop is its own failure boundary:
/// an adapter that throws is logged and restarted, and never stops the host or another printer.
/// </summary>
internal sealed partial class PrinterSupervisor : BackgroundService
{
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(5);

    private readonly PrinterFleet _fleet;
    private readonly BridgePublisher _publisher;
    private readonly TimeProvider _time;
    private readonly ILogger<PrinterSupervisor> _logger;

    public PrinterSupervisor(PrinterFleet fleet, BridgePublisher publisher, TimeProvider time, ILogger<PrinterSupervisor> logger)
    {
        _fleet = fleet;
        _publisher = publisher;
        _time = time;
        _logger = logger;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_fleet.All.Select(p => Task.Run(() => RunPrinterAsync(p, stoppingToken), CancellationToken.None)));

    private async Task RunPrinterAsync(PrinterHandle printer, CancellationToken stoppingToken)
    {
        var sink = new PrinterStateSink(printer, _publisher, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await printer.Adapter.RunAsync(sink, stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogAdapterCrashed(ex, printer.Id, RestartDelay.TotalSeconds);
                try
                {
                    await Task.Delay(RestartDelay, _time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Printer {PrinterId}: connection loop failed, restarting in {DelaySeconds} s")]
    private partial void LogAdapterCrashed(Exception exception, string printerId, double delaySeconds);
}
