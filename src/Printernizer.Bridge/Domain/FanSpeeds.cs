namespace Printernizer.Bridge.Domain;

/// <summary>Fans as the printer reports them: Bambu in percent, Prusa in RPM.</summary>
internal sealed record FanSpeeds(
    int? PartPercent,
    int? AuxPercent,
    int? ChamberPercent,
    int? HotendRpm,
    int? PrintRpm)
{
    public static FanSpeeds None { get; } = new(null, null, null, null, null);
}
