namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>
/// The pause between polls, cut short by a command so its effect shows at once, plus the
/// window after a command in which the printer is polled at the active rate.
/// </summary>
internal sealed class PrusaPollSignal : IDisposable
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _fastWindow;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private long _fastUntilTicks;

    public PrusaPollSignal(TimeProvider time, TimeSpan fastWindow)
    {
        _time = time;
        _fastWindow = fastWindow;
    }

    public bool InFastWindow => _time.GetUtcNow().UtcTicks < Interlocked.Read(ref _fastUntilTicks);

    public void StartFastWindow()
    {
        Interlocked.Exchange(ref _fastUntilTicks, (_time.GetUtcNow() + _fastWindow).UtcTicks);
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up is enough.
        }
    }

    /// <summary>Waits for <paramref name="interval"/> or until a command asks for a poll.</summary>
    public async Task WaitAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(interval, _time, stop.Token);
        var wake = _wake.WaitAsync(stop.Token);
        await Task.WhenAny(delay, wake).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    public void Dispose() => _wake.Dispose();
}
