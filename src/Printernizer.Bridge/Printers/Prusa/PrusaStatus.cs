namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>One <c>GET /api/v1/status</c> answer, both dialects folded into one shape.</summary>
/// <param name="State">The raw <c>printer.state</c>, e.g. <c>PRINTING</c>; <c>UNKNOWN</c> when missing.</param>
/// <param name="FanHotend">RPM.</param>
/// <param name="FanPrint">RPM.</param>
internal sealed record PrusaStatus(
    string State,
    double? TempNozzle,
    double? TargetNozzle,
    double? TempBed,
    double? TargetBed,
    double? AxisZ,
    int? Flow,
    int? Speed,
    int? FanHotend,
    int? FanPrint,
    PrusaStatusJob? Job,
    PrusaTransferStatus? Transfer,
    IReadOnlyList<PrusaStorage> Storage);
