namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>Legacy <c>GET /api/printer</c>: the only place that names the loaded material.</summary>
/// <param name="Material">Null when the printer does not know (the Pi always sends <c>" - "</c>).</param>
internal sealed record PrusaLegacyPrinter(string? StateText, string? LinkState, double? TempNozzle, double? TempBed, string? Material);
