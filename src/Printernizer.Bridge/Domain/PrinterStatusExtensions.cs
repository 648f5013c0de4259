namespace Printernizer.Bridge.Domain;

internal static class PrinterStatusExtensions
{
    public static string ToWire(this PrinterStatus status) => status switch
    {
        PrinterStatus.Offline => "offline",
        PrinterStatus.Idle => "idle",
        PrinterStatus.Preparing => "preparing",
        PrinterStatus.Printing => "printing",
        PrinterStatus.Paused => "paused",
        PrinterStatus.Finished => "finished",
        PrinterStatus.Failed => "failed",
        PrinterStatus.Cancelled => "cancelled",
        PrinterStatus.Attention => "attention",
        PrinterStatus.Busy => "busy",
        PrinterStatus.Error => "error",
        _ => "unknown",
    };

    /// <summary>A job is under way: it has started and has not reached an end state.</summary>
    public static bool IsJobActive(this PrinterStatus status) =>
        status is PrinterStatus.Preparing or PrinterStatus.Printing or PrinterStatus.Paused;

    /// <summary>The end states a job can reach.</summary>
    public static bool IsJobEnd(this PrinterStatus status) =>
        status is PrinterStatus.Finished or PrinterStatus.Failed or PrinterStatus.Cancelled;

    public static IReadOnlyList<string> AllWireValues { get; } =
        Enum.GetValues<PrinterStatus>().Select(s => s.ToWire()).ToArray();
}
