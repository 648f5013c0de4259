namespace Printernizer.Bridge.Domain;

/// <summary>Printer lights; null when the printer has no such light.</summary>
internal sealed record LightStates(bool? Chamber, bool? Work)
{
    public static LightStates None { get; } = new(null, null);
}
