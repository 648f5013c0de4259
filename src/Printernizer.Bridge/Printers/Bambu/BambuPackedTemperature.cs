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
        var bits = unchecked((uint)packed);
        var current = (int)(bits & 0xFFFF);
        var target = (int)(bits >> 16);
        return new Temperature(current, hasTarget ? target : null);
    }
}
