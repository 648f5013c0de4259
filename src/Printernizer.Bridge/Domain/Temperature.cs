namespace Printernizer.Bridge.Domain;

/// <summary>One sensor: the measured value and the set point (null when the printer has none).</summary>
internal sealed record Temperature(double? Current, double? Target);
