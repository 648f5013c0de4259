namespace Printernizer.Bridge.Domain;

/// <summary>One AMS slot or the external spool.</summary>
/// <param name="Color">As <c>#RRGGBB</c>, or null when unknown.</param>
/// <param name="Remain">Remaining filament in percent, null when the printer does not know.</param>
internal sealed record FilamentTray(string Id, string? Type, string? Color, int? Remain, bool Active);
