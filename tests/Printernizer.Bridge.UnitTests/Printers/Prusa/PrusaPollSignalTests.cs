using Microsoft.Extensions.Time.Testing;
using Printernizer.Bridge.Printers.Prusa;

namespace Printernizer.Bridge.UnitTests.Printers.Prusa;

public sealed class PrusaPollSignalTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task WaitAsync_IntervalPasses_Completes()
    {
        using var signal = new PrusaPollSignal(_time, TimeSpan.FromSeconds(30));

        var wait = signal.WaitAsync(Interval, CancellationToken.None);
        _time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.False(wait.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        await wait.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task WaitAsync_CommandStartsFastWindow_CompletesAtOnceAndNextWaitIsFull()
    {
        using var signal = new PrusaPollSignal(_time, TimeSpan.FromSeconds(30));

        var wait = signal.WaitAsync(Interval, CancellationToken.None);
        signal.StartFastWindow();
        await wait.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(signal.InFastWindow);
        var next = signal.WaitAsync(Interval, CancellationToken.None);
        _time.Advance(Interval / 2);
        Assert.False(next.IsCompleted);
        _time.Advance(Interval / 2);
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task WaitAsync_EndedByCommand_TimerOfThatWaitDoesNotShortenTheNext()
    {
        using var signal = new PrusaPollSignal(_time, TimeSpan.FromSeconds(30));

        var wait = signal.WaitAsync(Interval, CancellationToken.None);
        signal.StartFastWindow();
        await wait.WaitAsync(TimeSpan.FromSeconds(5));
        var next = signal.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        _time.Advance(Interval);

        Assert.False(next.IsCompleted);
    }

    [Fact]
    public async Task WaitAsync_Cancelled_Throws()
    {
        using var signal = new PrusaPollSignal(_time, TimeSpan.FromSeconds(30));
        using var stop = new CancellationTokenSource();

        var wait = signal.WaitAsync(Interval, stop.Token);
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }

    [Fact]
    public void InFastWindow_AfterTheWindow_False()
    {
        using var signal = new PrusaPollSignal(_time, TimeSpan.FromSeconds(30));

        signal.StartFastWindow();
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.False(signal.InFastWindow);
    }
}
