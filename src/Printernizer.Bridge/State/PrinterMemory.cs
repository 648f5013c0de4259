using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.State;

/// <summary>
/// What the event detector must remember across bridge restarts so that a restart does not
/// replay <c>job_started</c> for a job that was already running.
/// </summary>
internal sealed record PrinterMemory(string? JobKey, PrinterStatus Status, bool? Online, string? ErrorCode)
{
    public static PrinterMemory Empty { get; } = new(null, PrinterStatus.Unknown, null, null);
}
