using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Files;

namespace Printernizer.Bridge.UnitTests.Files;

public sealed class JobThumbnailTrackerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan UnavailableRetry = TimeSpan.FromMinutes(1);

    [Fact]
    public void Unavailable_FileServiceClosed_NextTryOnlyAfterTheLongInterval()
    {
        var tracker = new JobThumbnailTracker();
        Assert.NotNull(tracker.NextFetch(Printing("benchy"), Start, Retry, 12));

        Assert.False(tracker.Unavailable(Start, UnavailableRetry, 3));

        Assert.Null(tracker.NextFetch(Printing("benchy"), Start + Retry, Retry, 12));
        Assert.Null(tracker.NextFetch(Printing("benchy"), Start + TimeSpan.FromSeconds(59), Retry, 12));
        Assert.NotNull(tracker.NextFetch(Printing("benchy"), Start + UnavailableRetry, Retry, 12));
    }

    [Fact]
    public void Unavailable_ThirdTimeForOneJob_GivesUpOnceAndStopsTrying()
    {
        var tracker = new JobThumbnailTracker();
        var now = Start;
        var results = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            Assert.NotNull(tracker.NextFetch(Printing("benchy"), now, Retry, 12));
            results.Add(tracker.Unavailable(now, UnavailableRetry, 3));
            now += UnavailableRetry;
        }

        Assert.Equal([false, false, true], results);
        Assert.Null(tracker.NextFetch(Printing("benchy"), now + TimeSpan.FromHours(1), Retry, 12));
        Assert.False(tracker.GaveUp());
    }

    [Fact]
    public void NextFetch_NewJobAfterGivingUp_TriesAgainAtOnce()
    {
        var tracker = new JobThumbnailTracker();
        for (var i = 0; i < 3; i++)
        {
            tracker.NextFetch(Printing("benchy"), Start + (i * UnavailableRetry), Retry, 12);
            tracker.Unavailable(Start + (i * UnavailableRetry), UnavailableRetry, 3);
        }

        var later = Start + TimeSpan.FromMinutes(3);

        Assert.NotNull(tracker.NextFetch(Printing("calibration", later), later, Retry, 12));
        Assert.False(tracker.Unavailable(later, UnavailableRetry, 3));
    }

    [Fact]
    public void GaveUp_MissingFileTwelveTimes_TrueOnceAtTheLast()
    {
        var tracker = new JobThumbnailTracker();
        var gaveUp = new List<bool>();
        for (var i = 0; i < 12; i++)
        {
            Assert.NotNull(tracker.NextFetch(Printing("benchy"), Start + (i * Retry), Retry, 12));
            gaveUp.Add(tracker.GaveUp());
        }

        Assert.Equal(11, gaveUp.Count(g => !g));
        Assert.True(gaveUp[^1]);
        Assert.False(tracker.GaveUp());
    }

    private static PrinterState Printing(string name, DateTimeOffset? started = null) => new()
    {
        PrinterId = "x1c",
        Online = true,
        Status = PrinterStatus.Printing,
        Job = new PrintJob(name, name + ".3mf", "1", PrinterStatus.Printing, started ?? Start, null),
        UpdatedAt = Start,
    };
}
