using Printernizer.Bridge.Domain;
using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.IntegrationTests.Prusa;

public sealed class PrusaAdapterLifecycleTests
{
    [Theory]
    [InlineData("Buddy")]
    [InlineData("Pi")]
    public async Task RunAsync_JobLifecycle_ReportsIdleThenRisingPrintingThenFinished(string flavour)
    {
        await using var h = await PrusaAdapterHarness.StartAsync(Enum.Parse<PrusaFlavour>(flavour));
        var idle = await h.Sink.WaitForAsync(s => s.Online && s.Status == PrinterStatus.Idle);
        var jobId = h.Simulator.StartJob();
        var finished = await h.Sink.WaitForAsync(s => s.Status == PrinterStatus.Finished);

        var states = h.Sink.States;
        var printing = states.Where(s => s.Status == PrinterStatus.Printing).ToArray();
        Assert.True(idle.HasData);
        Assert.True(printing.Length >= 2, $"only {printing.Length} printing states");
        var percents = printing.Select(s => s.Progress.Percent ?? -1).ToArray();
        Assert.Equal(percents.Order(), percents);
        Assert.True(percents.Distinct().Count() >= 2, "progress never rose");
        Assert.All(printing, s => Assert.Equal(jobId.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Job.Id));
        Assert.True(states.ToList().IndexOf(idle) < states.ToList().IndexOf(printing[0]));
        Assert.Equal((PrinterStatus.Finished, printing[0].Job.Id), (finished.Job.Status, finished.Job.Id));
        Assert.Equal(h.Simulator.Options.JobFileName, finished.Job.Name);
        Assert.NotNull(finished.Job.StartedAt);
        Assert.NotNull(finished.Job.FinishedAt);
        Assert.Equal(100, finished.Progress.Percent);
        Assert.Null(finished.Temperatures.Chamber);
        Assert.Equal(flavour == "Buddy" ? ("Core One", "6.5.3+12780") : ("MK3S", "3.14.1-8237"), (finished.Model, finished.Firmware));
        // Buddy: legacy telemetry.material; Pi: the job's slicer metadata.
        Assert.Equal("PLA", finished.Filament.Material);
        AssertOneConnectionAndNoQuery(h.Simulator.RequestLog, expectSingleConnection: true);
    }

    [Fact]
    public async Task RunAsync_NonceExpiresEverySecond_RenewsOnStaleAndStaysOnline()
    {
        await using var h = await PrusaAdapterHarness.StartAsync(PrusaFlavour.Buddy, o => o with { NonceLifetime = TimeSpan.FromSeconds(1) });
        await h.Sink.WaitForAsync(s => s.Online);
        var before = h.Sink.States.Count;

        // Keep polling until the printer has refused a stale nonce and a later poll passed again.
        await Poll.UntilAsync(() => h.Simulator.RequestLog.SkipWhile(r => !(r.Status == 401 && r.HadAuthorization)).Skip(1).Count(r => r.Status == 200) >= 2, RecordingStateSink.DefaultTimeout);

        // The idle printer's state never changed, so nothing new was reported, least of all offline.
        Assert.All(h.Sink.States.Skip(before), s => Assert.True(s.Online));
        Assert.True(h.Sink.States[^1].Online);
        var log = h.Simulator.RequestLog;
        for (var i = 0; i < log.Count - 1; i++)
        {
            if (log[i].Status == 401 && log[i].HadAuthorization)
            {
                // Exactly one retry of the same request, and it passed.
                Assert.Equal((log[i].Method, log[i].Target, 200), (log[i + 1].Method, log[i + 1].Target, log[i + 1].Status));
            }
        }
    }

    [Theory]
    [InlineData("Buddy")]
    [InlineData("Pi")]
    public async Task RunAsync_SimulatorGoesAwayAndReturns_OfflineKeepsValuesThenOnline(string flavour)
    {
        await using var h = await PrusaAdapterHarness.StartAsync(Enum.Parse<PrusaFlavour>(flavour), o => o with { JobDuration = TimeSpan.FromMinutes(5) });
        h.Simulator.StartJob();
        var lastOnline = await h.Sink.WaitForAsync(s => s.Online && s.Status == PrinterStatus.Printing);

        await h.Simulator.StopAsync();
        var offline = await h.Sink.WaitForAsync(s => !s.Online, from: h.Sink.States.Count - 1);
        var lastGood = h.Sink.States.Last(s => s.Online);
        await h.Simulator.RestartAsync();
        var back = await h.Sink.WaitForAsync(s => s.Online, from: h.Sink.IndexOf(offline));

        Assert.Equal(lastGood with { Online = false, UpdatedAt = offline.UpdatedAt }, offline);
        Assert.Equal(PrinterStatus.Printing, offline.Status);
        Assert.Equal(lastOnline.Job.Id, back.Job.Id);
        Assert.Equal(lastOnline.Job.StartedAt, back.Job.StartedAt);
        AssertOneConnectionAndNoQuery(h.Simulator.RequestLog, expectSingleConnection: false);
    }

    [Fact]
    public async Task RunAsync_ServiceUnavailable_GoesOfflineAndRecovers()
    {
        await using var h = await PrusaAdapterHarness.StartAsync(PrusaFlavour.Pi);
        await h.Sink.WaitForAsync(s => s.Online);

        h.Simulator.SetFault(PrusaFault.ServiceUnavailable);
        var offline = await h.Sink.WaitForAsync(s => !s.Online);
        h.Simulator.SetFault(PrusaFault.None);
        await h.Sink.WaitForAsync(s => s.Online, from: h.Sink.IndexOf(offline));

        Assert.True(offline.HasData);
        Assert.Null(offline.Error);
    }

    [Fact]
    public async Task RunAsync_BadJsonForAWhile_StaysAliveAndRecovers()
    {
        await using var h = await PrusaAdapterHarness.StartAsync(PrusaFlavour.Buddy);
        await h.Sink.WaitForAsync(s => s.Online && s.Status == PrinterStatus.Idle);

        h.Simulator.SetFault(PrusaFault.BadJson);
        var offline = await h.Sink.WaitForAsync(s => !s.Online);
        h.Simulator.SetFault(PrusaFault.None);
        h.Simulator.StartJob();
        var printing = await h.Sink.WaitForAsync(s => s.Online && s.Status == PrinterStatus.Printing, from: h.Sink.IndexOf(offline));

        Assert.Equal(PrinterStatus.Idle, offline.Status);
        Assert.True(printing.Temperatures.Nozzle!.Target > 200);
    }

    internal static void AssertOneConnectionAndNoQuery(IReadOnlyList<PrusaRequestRecord> log, bool expectSingleConnection)
    {
        Assert.NotEmpty(log);
        Assert.All(log, r => Assert.DoesNotContain("?", r.Target, StringComparison.Ordinal));
        // Connections follow each other: once a new one carries requests, an older one never does again.
        var finished = new HashSet<int>();
        for (var i = 1; i < log.Count; i++)
        {
            if (log[i].ConnectionId != log[i - 1].ConnectionId)
            {
                finished.Add(log[i - 1].ConnectionId);
                Assert.DoesNotContain(log[i].ConnectionId, finished);
            }
        }

        if (expectSingleConnection)
        {
            Assert.Single(log.Select(r => r.ConnectionId).Distinct());
        }
    }
}
