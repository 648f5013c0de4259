namespace Printernizer.Bridge.Domain;

/// <summary>SPEC §3.4. <see cref="Status"/> mirrors the printer status while the job is current.</summary>
internal sealed record PrintJob(
    string? Name,
    string? File,
    string? Id,
    PrinterStatus Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    public static PrintJob None { get; } = new(null, null, null, PrinterStatus.Unknown, null, null);
}
