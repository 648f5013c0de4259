using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// Newer firmware packs a sensor into one integer in <c>device.*.info.temp</c>:
/// low 16 bits the current °C, high 16 bits the target °C (3932208 → 48 / 60).
/// </summary>
internal static class BambuPackedTemperature
{
    public static Temperature Decode(long packed, bool hasTarget = true)
    {
        var (current, target) = Unpack(packed);
        return new Temperature(current, hasTarget ? target : null);
    }

    /// <summary>Current and target °C.</summary>
    public static (int Current, int Target) Unpack(long packed)
    {
        var bits = unchecked((uint)packed);
        return ((int)(bits & 0xFFFF), (int)(bits >> 16));
    }
}
