using System.Collections.Concurrent;

namespace Printernizer.Bridge.Hosting;

/// <summary>
/// The current run of every printer's connection loop, so that one printer can be restarted on
/// request (<c>bridge/request/restart_printer</c>) without touching the others.
/// </summary>
internal sealed class PrinterRunControl
{
    private readonly ConcurrentDictionary<string, PrinterRun> _runs = new(StringComparer.Ordinal);

    /// <summary>Starts a run of <paramref name="printerId"/>'s loop; the previous run counts as replaced.</summary>
    public PrinterRun Begin(string printerId, CancellationToken stoppingToken)
    {
        var run = new PrinterRun(stoppingToken);
        if (_runs.TryGetValue(printerId, out var previous))
        {
            previous.MarkReplaced();
        }

        _runs[printerId] = run;
        return run;
    }

    /// <summary>
    /// Cancels the printer's current run and waits until the supervisor started the next one.
    /// False when the printer has no run or no new run started within <paramref name="timeout"/>.
    /// </summary>
    public async Task<bool> RestartAsync(string printerId, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!_runs.TryGetValue(printerId, out var run) || !run.RequestRestart())
        {
            return false;
        }

        try
        {
            await run.Replaced.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
