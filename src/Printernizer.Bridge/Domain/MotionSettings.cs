namespace Printernizer.Bridge.Domain;

/// <summary>Speed and flow: Bambu speed level (<c>silent</c>, <c>standard</c>, <c>sport</c>, <c>ludicrous</c>), Prusa percentages.</summary>
internal sealed record MotionSettings(string? SpeedLevel, int? SpeedPercent, int? FlowPercent)
{
    public static MotionSettings None { get; } = new(null, null, null);
}
