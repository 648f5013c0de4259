using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.State;

/// <summary>
/// Derives the lifecycle events of SPEC §3.6 from successive states of one printer.
/// Pure: the caller keeps the returned memory and hands it back with the next state.
/// </summary>
internal static class EventDetector
{
    public static (IReadOnlyList<PrinterEvent> Events, PrinterMemory Memory) Detect(
        PrinterMemory memory, PrinterState current, DateTimeOffset now)
    {
        var events = new List<PrinterEvent>(2);
        if (!current.Online && !current.HasData)
        {
            // Nothing observed in this run yet (still connecting, or refused): no transition to report.
            return (events, memory);
        }

        var next = memory;

        if (current.Online != memory.Online)
        {
            events.Add(Create(current.Online ? PrinterEventType.PrinterOnline : PrinterEventType.PrinterOffline, current, now));
            next = next with { Online = current.Online };
        }

        if (current.Online && current.HasData)
        {
            next = DetectJob(next, current, now, events);
            next = DetectError(next, current, now, events);
        }

        return (events, next);
    }

    /// <summary>The identity of a job: the printer's id when it has one, else its file or name.</summary>
    public static string? JobKey(PrintJob job) => job.Id ?? job.File ?? job.Name;

    private static PrinterMemory DetectJob(PrinterMemory memory, PrinterState current, DateTimeOffset now, List<PrinterEvent> events)
    {
        var previous = memory.Status;
        var status = current.Status;
        var key = JobKey(current.Job);

        if (status.IsJobActive())
        {
            var newJob = !previous.IsJobActive()
                || (key is not null && memory.JobKey is not null && key != memory.JobKey);
            if (newJob)
            {
                events.Add(Create(PrinterEventType.JobStarted, current, now));
            }
            else if (status == PrinterStatus.Paused && previous != PrinterStatus.Paused)
            {
                events.Add(Create(PrinterEventType.JobPaused, current, now));
            }
            else if (previous == PrinterStatus.Paused && status != PrinterStatus.Paused)
            {
                events.Add(Create(PrinterEventType.JobResumed, current, now));
            }
        }
        else if (status.IsJobEnd() && previous.IsJobActive())
        {
            var type = status switch
            {
                PrinterStatus.Finished => PrinterEventType.JobFinished,
                PrinterStatus.Cancelled => PrinterEventType.JobCancelled,
                _ => PrinterEventType.JobFailed,
            };
            events.Add(Create(type, current, now));
        }

        return memory with { Status = status, JobKey = key ?? (status.IsJobActive() ? memory.JobKey : null) };
    }

    private static PrinterMemory DetectError(PrinterMemory memory, PrinterState current, DateTimeOffset now, List<PrinterEvent> events)
    {
        var code = current.Error?.Code;
        if (code is not null && code != memory.ErrorCode)
        {
            events.Add(Create(PrinterEventType.Error, current, now));
        }

        return memory with { ErrorCode = code };
    }

    private static PrinterEvent Create(PrinterEventType type, PrinterState state, DateTimeOffset now) =>
        new(type, state.PrinterId, now, state.Job, type == PrinterEventType.Error ? state.Error : null);
}
