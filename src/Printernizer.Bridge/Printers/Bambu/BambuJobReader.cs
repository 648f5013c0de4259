using System.Text.Json.Nodes;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// Job identity, start and finish times. Times come from the report
/// (<c>gcode_start_time</c>) where it has them, else from when the transition was seen.
/// </summary>
internal static class BambuJobReader
{
    public static PrintJob Job(JsonObject print, PrinterStatus status, PrinterState previous, DateTimeOffset now)
    {
        var name = BambuJson.Text(print["subtask_name"]);
        var file = BambuJson.Text(print["gcode_file"]);
        var id = JobId(print);
        var previousJob = previous.Job;
        var wasActive = previous.HasData && previous.Status.IsJobActive();
        var sameJob = previousJob.Name == name && previousJob.Id == id;

        DateTimeOffset? started = ReportedStart(print);
        if (started is null && status.IsJobActive())
        {
            started = wasActive && sameJob ? previousJob.StartedAt ?? now : now;
        }
        else if (started is null && status.IsJobEnd() && sameJob)
        {
            started = previousJob.StartedAt;
        }

        DateTimeOffset? finished = null;
        if (status.IsJobEnd())
        {
            finished = previous.Status.IsJobEnd() && sameJob ? previousJob.FinishedAt : wasActive ? now : null;
        }

        return previousJob.Name == name && previousJob.File == file && previousJob.Id == id
            && previousJob.Status == status && previousJob.StartedAt == started && previousJob.FinishedAt == finished
            ? previousJob
            : new PrintJob(name, file, id, status, started, finished);
    }

    private static string? JobId(JsonObject print)
    {
        foreach (var key in (ReadOnlySpan<string>)["job_id", "task_id", "subtask_id"])
        {
            if (BambuJson.Text(print[key]) is { } id && id != "0")
            {
                return id;
            }
        }

        return null;
    }

    private static DateTimeOffset? ReportedStart(JsonObject print) =>
        BambuJson.Long(print["gcode_start_time"]) is > 0 and < 100_000_000_000 and var seconds
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
