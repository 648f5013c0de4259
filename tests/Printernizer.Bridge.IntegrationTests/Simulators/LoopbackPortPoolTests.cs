using System.Net;
using System.Net.Sockets;
using Printernizer.Simulators.Networking;

namespace Printernizer.Bridge.IntegrationTests.Simulators;

public sealed class LoopbackPortPoolTests : IDisposable
{
    // A range of its own, away from the shared pool's blocks and below any ephemeral range.
    private const int Start = 14_000;
    private readonly string _lockDirectory = Path.Combine(Path.GetTempPath(), "printernizer-port-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void TryReserve_ManyCalls_NeverTheSamePortTwiceAndAllInRange()
    {
        using var pool = new LoopbackPortPool(Start, Start + (4 * LoopbackPortPool.BlockSize), _lockDirectory);

        var ports = Enumerable.Range(0, 3 * LoopbackPortPool.BlockSize).Select(_ => pool.TryReserve()).ToList();

        Assert.All(ports, p => Assert.InRange(p!.Value, Start, Start + (4 * LoopbackPortPool.BlockSize) - 1));
        Assert.Equal(ports.Count, ports.Distinct().Count());
    }

    [Fact]
    public void TryReserve_TwoPoolsOnOneRange_DisjointBlocks()
    {
        // Two pools stand for two test processes: the lock files keep each out of the other's blocks.
        using var first = new LoopbackPortPool(Start + 1000, Start + 1000 + (2 * LoopbackPortPool.BlockSize), _lockDirectory);
        using var second = new LoopbackPortPool(Start + 1000, Start + 1000 + (2 * LoopbackPortPool.BlockSize), _lockDirectory);

        var fromFirst = Enumerable.Range(0, 10).Select(_ => first.TryReserve()).ToList();
        var fromSecond = Enumerable.Range(0, 10).Select(_ => second.TryReserve()).ToList();

        Assert.Empty(fromFirst.Intersect(fromSecond));
        Assert.NotEqual(fromFirst[0]! / LoopbackPortPool.BlockSize, fromSecond[0]! / LoopbackPortPool.BlockSize);
    }

    [Fact]
    public void TryReserve_EveryBlockHeldElsewhere_Null()
    {
        using var holder = new LoopbackPortPool(Start + 2000, Start + 2000 + LoopbackPortPool.BlockSize, _lockDirectory);
        Assert.NotNull(holder.TryReserve());
        using var latecomer = new LoopbackPortPool(Start + 2000, Start + 2000 + LoopbackPortPool.BlockSize, _lockDirectory);

        Assert.Null(latecomer.TryReserve());
    }

    [Fact]
    public void TryReserve_PortInUse_Skipped()
    {
        using var pool = new LoopbackPortPool(Start + 3000, Start + 3000 + LoopbackPortPool.BlockSize, _lockDirectory);
        using var squatter = new TcpListener(IPAddress.Loopback, Start + 3000);
        squatter.Start();

        var ports = Enumerable.Range(0, LoopbackPortPool.BlockSize - 1).Select(_ => pool.TryReserve()).ToList();

        Assert.DoesNotContain(Start + 3000, ports);
        Assert.Equal(Enumerable.Range(Start + 3001, LoopbackPortPool.BlockSize - 1).Cast<int?>(), ports);
    }

    [Fact]
    public void Reserve_OnThisMachine_BelowTheEphemeralRange()
    {
        // The point of the pool: the system never hands these ports to an outgoing connection or a bind to 0.
        var ephemeralStart = LoopbackPorts.EphemeralRangeStart();
        Assert.NotNull(ephemeralStart);

        var port = LoopbackPorts.Reserve();

        Assert.InRange(port, 1024, ephemeralStart.Value - 1);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_lockDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
