namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>One <c>GET /api/v1/job</c> answer.</summary>
/// <param name="FileName">Buddy: the 8.3 short name; Pi: the long name.</param>
/// <param name="FilePath">The file's full path (Buddy sends only the directory; it is completed here).</param>
/// <param name="FilamentType">Pi only: slicer metadata <c>meta.filament_type</c>.</param>
internal sealed record PrusaJob(
    int? Id,
    string? State,
    double? Progress,
    int? TimeRemaining,
    int? TimePrinting,
    string? FileName,
    string? DisplayName,
    string? FilePath,
    long? Size,
    string? FilamentType);
