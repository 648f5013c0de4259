namespace Printernizer.Bridge.Domain;

/// <summary>One lifecycle transition (SPEC §3.6).</summary>
internal sealed record PrinterEvent(
    PrinterEventType Type,
    string PrinterId,
    DateTimeOffset At,
    PrintJob Job,
    PrinterError? Error);
