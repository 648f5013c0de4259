using Printernizer.Bridge.Printers.Bambu;
using Xunit;

namespace Printernizer.Bridge.UnitTests.Printers.Bambu;

public sealed class BambuConnectGateTests
{
    [Fact]
    public async Task RunAsync_MoreConnectsThanSlots_NeverMoreInProgressThanSlots()
    {
        using var gate = new BambuConnectGate(3);
        var inProgress = 0;
        var most = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var connects = Enumerable.Range(0, 20).Select(i => gate.RunAsync(
            async _ =>
            {
                var now = Interlocked.Increment(ref inProgress);
                InterlockedMax(ref most, now);
                await release.Task;
                Interlocked.Decrement(ref inProgress);
                return i;
            },
            CancellationToken.None)).ToArray();

        while (gate.Available > 0)
        {
            await Task.Delay(10);
        }

        Assert.Equal(3, Volatile.Read(ref inProgress));
        release.SetResult();
        var results = await Task.WhenAll(connects);

        Assert.Equal(Enumerable.Range(0, 20), results.Order());
        Assert.Equal(3, most);
        Assert.Equal(3, gate.Available);
    }

    [Fact]
    public async Task RunAsync_ConnectThrows_SlotIsReturned()
    {
        using var gate = new BambuConnectGate(1);

        await Assert.ThrowsAsync<TimeoutException>(() => gate.RunAsync<bool>(_ => throw new TimeoutException(), CancellationToken.None));

        Assert.True(await gate.RunAsync(_ => Task.FromResult(true), CancellationToken.None));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
