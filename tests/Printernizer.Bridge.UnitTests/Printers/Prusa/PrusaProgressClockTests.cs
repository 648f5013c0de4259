using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Printers.Prusa;
using Printernizer.Bridge.Publishing.Payloads;

namespace Printernizer.Bridge.UnitTests.Printers.Prusa;

public sealed class PrusaProgressClockTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);
    private static readonly PrinterState Empty = new() { PrinterId = "mk4" };

    [Fact]
    public void Apply_SteadyPrintPolledEveryTwoSeconds_ProgressPayloadNeverChanges()
    {
        // Buddy's time_remaining moves in whole minutes (M73); time_printing counts every second.
        var state = PrusaStatusNormalizer.Apply(Empty, Status(new PrusaStatusJob(14, 67, 3960, 8520)), null, Now.AddMilliseconds(300));
        var first = PayloadSerializer.Progress(state.Progress);

        for (var poll = 1; poll < 30; poll++)
        {
            var now = Now.AddMilliseconds(300).AddSeconds(2 * poll);
            state = PrusaStatusNormalizer.Apply(state, Status(new PrusaStatusJob(14, 67, 3960 - (poll / 30 * 60), 8520 + (2 * poll))), null, now);

            Assert.Equal(first, PayloadSerializer.Progress(state.Progress));
        }
    }

    [Fact]
    public void Apply_RemainingCountsDownWithTheClock_EtaStaysPut()
    {
        var state = Empty;
        var etas = new List<DateTimeOffset?>();
        for (var poll = 0; poll < 20; poll++)
        {
            // The printer's seconds and the bridge's clock tick at different instants: the sum wobbles by a second.
            var now = Now.AddMilliseconds((2000 * poll) + (poll % 3 * 400));
            state = PrusaStatusNormalizer.Apply(state, Status(new PrusaStatusJob(14, 50, 600 - (2 * poll) - (poll % 2), 600 + (2 * poll))), null, now);
            etas.Add(state.Progress.Eta);
        }

        Assert.Single(etas.Distinct());
        Assert.Equal(Now.AddSeconds(600), etas[0]);
    }

    [Fact]
    public void Apply_EstimateJumpsOrNewJob_EtaIsRecomputed()
    {
        var state = PrusaStatusNormalizer.Apply(Empty, Status(new PrusaStatusJob(14, 50, 600, 600)), null, Now);
        var later = PrusaStatusNormalizer.Apply(state, Status(new PrusaStatusJob(14, 51, 900, 602)), null, Now.AddSeconds(2));
        var next = PrusaStatusNormalizer.Apply(later, Status(new PrusaStatusJob(15, 0, 630, 0)), null, Now.AddSeconds(4));

        Assert.Equal(Now.AddSeconds(902), later.Progress.Eta);
        Assert.Equal(Now.AddSeconds(634), next.Progress.Eta);
    }

    [Fact]
    public void Eta_PausedPrint_MovesLaterInSteps()
    {
        DateTimeOffset? eta = null;
        var seen = new List<DateTimeOffset>();
        for (var second = 0; second <= 180; second += 2)
        {
            eta = PrusaProgressClock.Eta(eta, 600, Now.AddSeconds(second));
            seen.Add(eta!.Value);
        }

        Assert.Equal([Now.AddSeconds(600), Now.AddSeconds(660), Now.AddSeconds(720), Now.AddSeconds(780)], seen.Distinct());
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(59, 0)]
    [InlineData(60, 60)]
    [InlineData(8546, 8520)]
    public void WholeMinutes_Seconds_RoundsDownToTheMinute(int seconds, int expected)
    {
        Assert.Equal(expected, PrusaProgressClock.WholeMinutes(seconds));
    }

    [Fact]
    public void Eta_NoRemainingTime_IsNull()
    {
        Assert.Null(PrusaProgressClock.Eta(Now, null, Now));
        Assert.Null(PrusaProgressClock.WholeMinutes(null));
    }

    private static PrusaStatus Status(PrusaStatusJob job) =>
        new("PRINTING", 215, 215, 60, 60, 1, 100, 100, 3000, 5000, job, null, []);
}
