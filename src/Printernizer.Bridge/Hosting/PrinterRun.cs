namespace Printernizer.Bridge.Hosting;

/// <summary>One run of a printer's connection loop: its token, and whether a restart ended it.</summary>
internal sealed class PrinterRun : IDisposable
{
    private readonly CancellationTokenSource _cancel;
    private readonly TaskCompletionSource _replaced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private bool _disposed;
    private volatile bool _restartRequested;

    public PrinterRun(CancellationToken stoppingToken)
    {
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
    }

    public CancellationToken Token => _cancel.Token;

    public bool RestartRequested => _restartRequested;

    /// <summary>Completes when the supervisor started the next run.</summary>
    public Task Replaced => _replaced.Task;

    /// <summary>False when the run is already over (a restart would have nothing to cancel).</summary>
    public bool RequestRestart()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }

            _restartRequested = true;
            _cancel.Cancel();
            return true;
        }
    }

    public void MarkReplaced() => _replaced.TrySetResult();

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _cancel.Dispose();
        }
    }
}
