namespace Printernizer.Bridge.Observability;

/// <summary>One printer's connection summary and counters for <c>bridge/info</c>.</summary>
internal sealed record PrinterDiagnostics(
    string PrinterId,
    string Type,
    bool Online,
    DateTimeOffset? ConnectedSince,
    DateTimeOffset? LastMessageAt,
    long ReportsReceived,
    long ReportsRejected,
    long Reconnects,
    long CommandsOk,
    long CommandsFailed);
