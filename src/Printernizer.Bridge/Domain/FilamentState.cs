namespace Printernizer.Bridge.Domain;

/// <summary>SPEC §3.5: Bambu AMS units and external spool, Prusa loaded material. Absent parts are null or empty.</summary>
internal sealed record FilamentState(IReadOnlyList<FilamentUnit> Units, FilamentTray? External, string? Material)
{
    public static FilamentState None { get; } = new([], null, null);
}
