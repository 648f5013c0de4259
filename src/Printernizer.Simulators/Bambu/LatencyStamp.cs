using System.Diagnostics;

namespace Printernizer.Simulators.Bambu;

/// <summary>
/// A send time that fits a report's <c>layer_num</c>: microseconds of the monotonic clock since
/// an epoch the benchmark chose (an int lasts 35 minutes; a flood needs µs to change the layer every report). The benchmark reads the same clock (one machine), so the
/// subscriber needs no record from the simulator to compute the latency.
/// </summary>
internal static class LatencyStamp
{
    public const double UnitsPerSecond = 1_000_000;

    public static int Now(long epoch) => (int)Math.Min(int.MaxValue, (Stopwatch.GetTimestamp() - epoch) * UnitsPerSecond / Stopwatch.Frequency);
}
