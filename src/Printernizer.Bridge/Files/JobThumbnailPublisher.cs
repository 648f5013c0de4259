using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Printers;
using Printernizer.Bridge.Publishing;
using Printernizer.Bridge.Publishing.Mqtt;

namespace Printernizer.Bridge.Files;

/// <summary>
/// Publishes the current job's cover image, raw PNG, retained on <c>&lt;base&gt;/&lt;id&gt;/thumbnail</c>.
/// Watches the latest state of each printer whose adapter offers thumbnails (in memory, no printer
/// traffic) and fetches once per new job, retrying while the printer has not written the file yet
/// (an X1 shows the 3MF seconds into the print), and only every minute (three times) while the
/// printer's file service cannot be reached. A new job without a cover clears the topic.
/// </summary>
internal sealed partial class JobThumbnailPublisher : BackgroundService
{
    private readonly TopicLayout _topics;
    private readonly IBrokerConnection _broker;
    private readonly PrinterFleet _fleet;
    private readonly TimeProvider _time;
    private readonly ILogger<JobThumbnailPublisher> _logger;
    private readonly Dictionary<string, JobThumbnailTracker> _trackers = new(StringComparer.Ordinal);
    private readonly Lock _published = new();
    private readonly Dictionary<string, byte[]> _current = new(StringComparer.Ordinal);

    public JobThumbnailPublisher(TopicLayout topics, IBrokerConnection broker, PrinterFleet fleet, TimeProvider time, ILogger<JobThumbnailPublisher> logger)
    {
        _topics = topics;
        _broker = broker;
        _fleet = fleet;
        _time = time;
        _logger = logger;
        foreach (var printer in fleet.All)
        {
            if (printer.Adapter is IJobThumbnailSource)
            {
                _trackers[printer.Id] = new JobThumbnailTracker();
            }
        }

        // A broker without persistence lost the retained image; the other topics are republished the same way.
        broker.OnConnected(_ =>
        {
            lock (_published)
            {
                foreach (var (id, png) in _current)
                {
                    _broker.Enqueue(new OutgoingMessage(FileTopics.Thumbnail(_topics, id), png, Retain: true));
                }
            }

            return Task.CompletedTask;
        });
    }

    public TimeSpan CheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromSeconds(5);

    public int Attempts { get; init; } = 12;

    /// <summary>After a try that could not reach the printer's file service (closed port, refused login).</summary>
    public TimeSpan UnavailableRetryInterval { get; init; } = TimeSpan.FromMinutes(1);

    public int UnavailableAttempts { get; init; } = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_trackers.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(CheckInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                foreach (var printer in _fleet.All)
                {
                    if (_trackers.TryGetValue(printer.Id, out var tracker) && printer.Latest is { } state
                        && tracker.NextFetch(state, _time.GetUtcNow(), RetryInterval, Attempts) is { } job)
                    {
                        await FetchAsync(printer, tracker, job, stoppingToken).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task FetchAsync(PrinterHandle printer, JobThumbnailTracker tracker, PrintJob job, CancellationToken cancellationToken)
    {
        byte[]? png;
        try
        {
            png = await ((IJobThumbnailSource)printer.Adapter).GetJobThumbnailAsync(job, cancellationToken).ConfigureAwait(false);
        }
        catch (PrinterFileException ex) when (ex.ServiceUnavailable)
        {
            LogFetchFailed(printer.Id, ex.Message);
            if (tracker.Unavailable(_time.GetUtcNow(), UnavailableRetryInterval, UnavailableAttempts))
            {
                Publish(printer.Id, []);
            }

            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFetchFailed(printer.Id, ex.Message);
            png = null;
        }

        if (png is not null)
        {
            tracker.Found();
            Publish(printer.Id, png);
        }
        else if (tracker.GaveUp())
        {
            // The job has no cover: do not leave the previous job's image up.
            Publish(printer.Id, []);
        }
    }

    private void Publish(string printerId, byte[] png)
    {
        lock (_published)
        {
            if (png.Length == 0 && !_current.Remove(printerId))
            {
                return;
            }

            if (png.Length > 0)
            {
                _current[printerId] = png;
            }
        }

        LogPublished(printerId, png.Length);
        _broker.Enqueue(new OutgoingMessage(FileTopics.Thumbnail(_topics, printerId), png, Retain: true));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Printer {PrinterId}: job cover image published ({Bytes} bytes; 0 = cleared)")]
    private partial void LogPublished(string printerId, int bytes);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Printer {PrinterId}: job cover image not available: {Reason}")]
    private partial void LogFetchFailed(string printerId, string reason);
}
