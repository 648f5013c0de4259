using System.Diagnostics;

namespace Printernizer.Simulators.Bambu;

/// <summary>
/// A send time that fits a report's <c>layer_num</c>: 100 µs units of the monotonic clock since
/// an epoch the benchmark chose. The benchmark reads the same clock (one machine), so the
/// subscriber needs no record from the simulator to compute the latency.
/// </summary>
internal static class LatencyStamp
{
    public const double UnitsPerSecond = 10_000;

    public static int Now(long epoch) => (int)Math.Min(int.MaxValue, (Stopwatch.GetTimestamp() - epoch) * UnitsPerSecond / Stopwatch.Frequency);
}
