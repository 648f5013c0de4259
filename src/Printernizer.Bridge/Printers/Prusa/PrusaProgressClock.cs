namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>
/// The time values of <c>progress</c> that the bridge derives rather than copies. They must not
/// move on every poll merely because time passed, or a steady print would republish
/// <c>progress</c> every poll interval.
/// </summary>
internal static class PrusaProgressClock
{
    /// <summary>How far a newly computed ETA may drift from the published one before it replaces it (HA smooths by 2 min).</summary>
    public static TimeSpan EtaTolerance { get; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// <c>now + time_remaining</c>, but the previous ETA of the same job while the new one is within
    /// <see cref="EtaTolerance"/>: both terms are whole seconds sampled at different instants, so the
    /// sum jitters by a second or two between polls, and a paused print pushes it later slowly.
    /// </summary>
    public static DateTimeOffset? Eta(DateTimeOffset? previous, int? remainingSeconds, DateTimeOffset now)
    {
        if (remainingSeconds is not { } remaining)
        {
            return null;
        }

        var computed = WholeSeconds(now.AddSeconds(remaining));
        return previous is { } kept && (computed - kept).Duration() < EtaTolerance ? kept : computed;
    }

    /// <summary><c>time_printing</c> counts every second; published in whole minutes, like Bambu's remaining time.</summary>
    public static int? WholeMinutes(int? seconds) => seconds is { } s ? s - (s % 60) : null;

    private static DateTimeOffset WholeSeconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
