namespace Printernizer.Bridge.Domain;

/// <summary>SPEC §3.3. <see cref="Percent"/> is 0–100; times are seconds.</summary>
internal sealed record JobProgress(
    double? Percent,
    int? Layer,
    int? TotalLayers,
    int? RemainingSeconds,
    int? ElapsedSeconds,
    DateTimeOffset? Eta)
{
    public static JobProgress None { get; } = new(null, null, null, null, null, null);
}
