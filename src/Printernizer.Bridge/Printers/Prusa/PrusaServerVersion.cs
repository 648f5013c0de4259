namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>What <c>GET /api/version</c> says about the server.</summary>
/// <param name="Original">Pi only, e.g. <c>PrusaLink I3MK3S</c>.</param>
/// <param name="Firmware">Pi: the Einsy firmware; Buddy 6.5.1+: the printer firmware; otherwise null.</param>
internal sealed record PrusaServerVersion(
    PrusaServerKind Kind,
    string? Api,
    string? Server,
    string? Text,
    string? Original,
    string? Firmware,
    string? Hostname,
    double? NozzleDiameter,
    bool UploadByPut);
