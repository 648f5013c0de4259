namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>One entry of the legacy <c>GET /api/files</c> tree.</summary>
/// <param name="Download">Always absolute (Buddy listings omit the leading slash), or null when not downloadable.</param>
/// <param name="Material">Pi only: <c>gcodeAnalysis.material</c>.</param>
internal sealed record PrusaFileEntry(
    string Name,
    string DisplayName,
    string? Path,
    string? Origin,
    bool IsFolder,
    long? Size,
    string? Download,
    string? Material,
    IReadOnlyList<PrusaFileEntry> Children);
