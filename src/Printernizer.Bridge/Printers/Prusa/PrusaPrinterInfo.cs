namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>What <c>GET /api/v1/info</c> says about the printer.</summary>
/// <param name="Hostname">On the Pi this is the Prusa Connect server, not the printer (facts §3.2).</param>
internal sealed record PrusaPrinterInfo(
    string? Serial,
    string? Hostname,
    string? Name,
    string? Location,
    double? NozzleDiameter,
    int? MinExtrusionTemp,
    bool? Mmu);
