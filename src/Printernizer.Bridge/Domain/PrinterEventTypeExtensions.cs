namespace Printernizer.Bridge.Domain;

internal static class PrinterEventTypeExtensions
{
    public static string ToWire(this PrinterEventType type) => type switch
    {
        PrinterEventType.JobStarted => "job_started",
        PrinterEventType.JobPaused => "job_paused",
        PrinterEventType.JobResumed => "job_resumed",
        PrinterEventType.JobFinished => "job_finished",
        PrinterEventType.JobFailed => "job_failed",
        PrinterEventType.JobCancelled => "job_cancelled",
        PrinterEventType.PrinterOnline => "printer_online",
        PrinterEventType.PrinterOffline => "printer_offline",
        _ => "error",
    };

    public static IReadOnlyList<string> AllWireValues { get; } =
        Enum.GetValues<PrinterEventType>().Select(t => t.ToWire()).ToArray();
}
