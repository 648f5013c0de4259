namespace Printernizer.Bridge.Domain;

/// <summary>One AMS unit with its trays.</summary>
internal sealed record FilamentUnit(string Id, double? Humidity, double? Temperature, IReadOnlyList<FilamentTray> Trays);
