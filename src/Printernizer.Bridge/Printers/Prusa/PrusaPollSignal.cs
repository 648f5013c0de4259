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
        Wake();
    }

    /// <summary>Waits for <paramref name="interval"/> or until a command asks for a poll.</summary>
    /// <remarks>
    /// The interval ends by releasing the same semaphore a command releases: cancelling a wait
    /// instead throws inside <see cref="SemaphoreSlim"/>, once per poll of every printer.
    /// </remarks>
    public async Task WaitAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = _time.CreateTimer(static state => ((PrusaPollSignal)state!).Wake(), this, interval, Timeout.InfiniteTimeSpan);
        await _wake.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up is enough.
        }
        catch (ObjectDisposedException)
        {
            // A timer that fired while the adapter shut down.
        }
    }

    public void Dispose() => _wake.Dispose();
}
