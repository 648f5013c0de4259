namespace Printernizer.Bridge.Domain;

/// <summary>SPEC §3.6 event types.</summary>
internal enum PrinterEventType
{
    JobStarted,
    JobPaused,
    JobResumed,
    JobFinished,
    JobFailed,
    JobCancelled,
    PrinterOnline,
    PrinterOffline,
    Error,
}
