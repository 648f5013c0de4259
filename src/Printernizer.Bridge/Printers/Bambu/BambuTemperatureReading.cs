using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>One sensor as read, before it becomes a <see cref="Temperature"/> or the last state's one is kept.</summary>
internal readonly record struct BambuTemperatureReading(double? Current, double? Target);
