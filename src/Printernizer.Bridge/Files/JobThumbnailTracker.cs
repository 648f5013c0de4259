using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Files;

/// <summary>Per printer: which job's cover was looked for, how often, and when to look again.</summary>
internal sealed class JobThumbnailTracker
{
    private (string? Id, string? File, string? Name, DateTimeOffset? Started)? _job;
    private int _attempts;
    private int _unavailable;
    private int _maxAttempts;
    private bool _done;
    private DateTimeOffset _nextAt;

    /// <summary>The job to fetch now, or null (no active job, already found, or not due yet).</summary>
    public PrintJob? NextFetch(PrinterState state, DateTimeOffset now, TimeSpan retryInterval, int maxAttempts)
    {
        var job = state.Job;
        var active = state.Online && job != PrintJob.None && (job.Name is not null || job.File is not null)
            && state.Status is PrinterStatus.Preparing or PrinterStatus.Printing or PrinterStatus.Paused;
        if (!active)
        {
            return null;
        }

        var key = (job.Id, job.File, job.Name, job.StartedAt);
        if (_job != key)
        {
            _job = key;
            _attempts = 0;
            _unavailable = 0;
            _done = false;
            _nextAt = now;
        }

        if (_done || now < _nextAt)
        {
            return null;
        }

        _attempts++;
        _maxAttempts = maxAttempts;
        _nextAt = now + retryInterval;
        return job;
    }

    public void Found() => _done = true;

    /// <summary>
    /// The attempt found the printer's file service unreachable: the next one waits
    /// <paramref name="retryInterval"/> instead of the short retry. True once, when the
    /// <paramref name="maxUnavailable"/>th such attempt for this job gives up.
    /// </summary>
    public bool Unavailable(DateTimeOffset now, TimeSpan retryInterval, int maxUnavailable)
    {
        _nextAt = now + retryInterval;
        if (_done || ++_unavailable < maxUnavailable)
        {
            return false;
        }

        _done = true;
        return true;
    }

    /// <summary>True once, when the last attempt for this job found nothing.</summary>
    public bool GaveUp()
    {
        if (_done || _attempts < _maxAttempts)
        {
            return false;
        }

        _done = true;
        return true;
    }
}
