using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Printernizer.Simulators.Networking;

/// <summary>
/// Loopback ports for simulators and test brokers that must come back on the same port after a restart.
/// </summary>
/// <remarks>
/// A port the operating system hands out (bind to 0) lies in its ephemeral range, so while a simulated
/// printer is "off", any outgoing connection or new listener on the machine may take it and the restart
/// fails with "address already in use" (seen in CI with the test projects running side by side). These
/// ports lie below the ephemeral range, where the system never hands out ports by itself, and the pool's
/// lock files keep other processes out of the blocks this one holds. Static on purpose: ports are a
/// process-wide resource, so every simulator and test broker in a process draws from one pool.
/// </remarks>
internal static class LoopbackPorts
{
    private const int RangeStart = 20_000;

    private static readonly Lazy<LoopbackPortPool?> Pool = new(CreatePool);

    /// <summary>A free loopback port that nothing else on the machine takes while this process lives (as far as the system allows).</summary>
    public static int Reserve() => Pool.Value?.TryReserve() ?? AnyFreePort();

    private static LoopbackPortPool? CreatePool() =>
        EphemeralRangeStart() is { } end && end - RangeStart >= LoopbackPortPool.BlockSize
            ? new LoopbackPortPool(RangeStart, end, Path.Combine(Path.GetTempPath(), "printernizer-ports"))
            : null;

    /// <summary>Where the system's own port numbers begin; null when it cannot be read.</summary>
    internal static int? EphemeralRangeStart()
    {
        if (!OperatingSystem.IsLinux())
        {
            // Windows and macOS hand out 49152 and above.
            return 49_152;
        }

        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range")
                .Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static int AnyFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
