using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Publishing;

/// <summary>
/// SPEC §5: temperature is republished when a value moves by at least 0.5 °C or a target
/// changes, and at least every 60 s while it differs from what was last published.
/// </summary>
internal static class TemperatureDeadband
{
    public const double Threshold = 0.5;

    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(60);

    public static bool ShouldPublish(Temperatures? published, DateTimeOffset publishedAt, Temperatures current, DateTimeOffset now)
    {
        if (published is null)
        {
            return true;
        }

        if (published == current)
        {
            return false;
        }

        return Moved(published.Nozzle, current.Nozzle)
            || Moved(published.Bed, current.Bed)
            || Moved(published.Chamber, current.Chamber)
            || now - publishedAt >= RefreshInterval;
    }

    private static bool Moved(Temperature? before, Temperature? after)
    {
        if (before is null || after is null)
        {
            return before is not null || after is not null;
        }

        return before.Target != after.Target || Moved(before.Current, after.Current);
    }

    private static bool Moved(double? before, double? after) =>
        before is { } b && after is { } a ? Math.Abs(a - b) >= Threshold : before.HasValue != after.HasValue;
}
