namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>Legacy <c>GET /api/job</c>, with <c>completion</c> already converted to percent.</summary>
internal sealed record PrusaLegacyJob(
    string? StateText,
    double? Percent,
    int? RemainingSeconds,
    int? ElapsedSeconds,
    int? EstimatedPrintTime,
    string? FileDisplayName,
    string? FilePath);
