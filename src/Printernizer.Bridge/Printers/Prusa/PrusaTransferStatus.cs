namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>A file transfer: <c>status.transfer</c> or <c>GET /api/v1/transfer</c>.</summary>
/// <param name="TransferredBytes">Buddy <c>transferred</c> or Pi/spec <c>data_transferred</c>.</param>
internal sealed record PrusaTransferStatus(
    int Id,
    double? Progress,
    long? TransferredBytes,
    int? TimeTransferring,
    string? DisplayName,
    long? Size);
