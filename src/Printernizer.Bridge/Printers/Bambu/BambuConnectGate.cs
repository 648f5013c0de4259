namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// Bounds the TLS connects in progress across all Bambu printers of one bridge. A farm starting
/// (or a broker-side network coming back) would otherwise run a thousand handshakes at once on a
/// small box; they time out together, back off together and the fleet takes minutes to come up.
/// </summary>
internal sealed class BambuConnectGate : IDisposable
{
    public const int DefaultConcurrency = 16;

    private readonly SemaphoreSlim _slots;

    public BambuConnectGate(int concurrency = DefaultConcurrency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        _slots = new SemaphoreSlim(concurrency, concurrency);
    }

    public int Available => _slots.CurrentCount;

    /// <summary>Runs <paramref name="connect"/> once a slot is free; the wait does not count against its timeout.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> connect, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await connect(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
