namespace Printernizer.Bridge.Domain;

/// <summary>
/// What the printer model reports. Home Assistant discovery announces only the entities
/// whose data exists, so an adapter sets these from the model it identified.
/// Nozzle and bed temperatures, status, progress and job are always present.
/// </summary>
internal sealed record PrinterCapabilities(
    bool ChamberTemperature,
    bool ChamberTarget,
    bool Layers,
    bool Hms,
    bool Filament,
    bool Fans,
    bool Motion,
    bool Lights,
    bool Pause)
{
    /// <summary>The adapter can fetch the job's cover image (published on <c>thumbnail</c>, an HA <c>image</c>).</summary>
    public bool Thumbnail { get; init; }

    /// <summary>The least any printer offers; used until the adapter identified the model.</summary>
    public static PrinterCapabilities Minimal { get; } = new(false, false, false, false, false, false, false, false, true);
}
