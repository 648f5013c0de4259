using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>Job and progress for one poll, keeping the last job after the printer forgets it.</summary>
internal static class PrusaJobNormalizer
{
    public static (JobProgress Progress, PrintJob Job) Normalize(
        PrinterState previous, PrinterStatus mapped, PrusaStatusJob? statusJob, PrusaJob? job, DateTimeOffset now)
    {
        var id = statusJob?.Id ?? job?.Id;
        return id is { } current
            ? Current(previous, mapped, PrusaStatusNormalizer.FormatJobId(current), statusJob, job, now)
            : Absent(previous, mapped, now);
    }

    private static (JobProgress, PrintJob) Current(
        PrinterState previous, PrinterStatus mapped, string id, PrusaStatusJob? statusJob, PrusaJob? job, DateTimeOffset now)
    {
        var same = previous.Job.Id == id;
        var remaining = statusJob?.TimeRemaining ?? job?.TimeRemaining;
        // The Pi omits time_printing while it is 0.
        var elapsed = statusJob?.TimePrinting ?? job?.TimePrinting ?? (same ? previous.Progress.ElapsedSeconds : 0);
        var percent = Percent(statusJob?.Progress ?? job?.Progress);
        var eta = PrusaProgressClock.Eta(same ? previous.Progress.Eta : null, remaining, now);
        var progress = new JobProgress(percent, null, null, remaining, PrusaProgressClock.WholeMinutes(elapsed), eta);

        // Computed once per job: recomputing from time_printing every poll would make it jitter.
        var startedAt = same && previous.Job.StartedAt is { } s ? s : now.AddSeconds(-(elapsed ?? 0));
        var ended = mapped.IsJobEnd();
        var printJob = new PrintJob(
            job?.DisplayName ?? (same ? previous.Job.Name : null),
            job?.FilePath ?? (same ? previous.Job.File : null),
            id,
            mapped,
            startedAt,
            ended ? (same ? previous.Job.FinishedAt : null) ?? now : null);
        return (progress, printJob);
    }

    private static (JobProgress, PrintJob) Absent(PrinterState previous, PrinterStatus mapped, DateTimeOffset now)
    {
        var last = previous.Job;
        if (last.Id is null)
        {
            return (JobProgress.None, PrintJob.None);
        }

        if (last.Status.IsJobEnd())
        {
            // The end was already recorded; once the printer is back to idle the progress is over too.
            var progress = mapped.IsJobEnd() ? previous.Progress : JobProgress.None;
            return (progress, last);
        }

        // Buddy answers 204 as soon as the job is FINISHED/STOPPED, and the Pi drops straight to
        // IDLE, so the job ends here. Without an end state seen, a complete print counts as finished.
        var endStatus = mapped.IsJobEnd()
            ? mapped
            : previous.Progress.Percent >= 100 ? PrinterStatus.Finished : PrinterStatus.Cancelled;
        var ended = last with { Status = endStatus, FinishedAt = now };
        var endProgress = endStatus == PrinterStatus.Finished
            ? previous.Progress with { Percent = 100, RemainingSeconds = 0, Eta = null }
            : previous.Progress with { RemainingSeconds = null, Eta = null };
        return (endProgress, ended);
    }

    private static double? Percent(double? value) => value is { } v ? Math.Clamp(v, 0, 100) : null;
}
