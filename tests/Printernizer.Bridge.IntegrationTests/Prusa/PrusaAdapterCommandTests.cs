using Printernizer.Bridge.Domain;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.IntegrationTests.Prusa;

public sealed class PrusaAdapterCommandTests
{
    [Theory]
    [InlineData("Buddy")]
    [InlineData("Pi")]
    public async Task ExecuteAsync_PauseResumeCancel_RoundTripThroughThePrinter(string flavour)
    {
        await using var h = await PrusaAdapterHarness.StartAsync(Enum.Parse<PrusaFlavour>(flavour), o => o with { JobDuration = TimeSpan.FromMinutes(5) });
        var jobId = h.Simulator.StartJob();
        await h.Sink.WaitForAsync(s => s.Status == PrinterStatus.Printing);

        var pause = await h.Adapter.ExecuteAsync(PrinterCommand.Pause, CancellationToken.None);
        await h.Sink.WaitForAsync(s => s.Status == PrinterStatus.Paused);
        var resume = await h.Adapter.ExecuteAsync(PrinterCommand.Resume, CancellationToken.None);
        var resumed = h.Sink.States.Count;
        await h.Sink.WaitForAsync(s => s.Status == PrinterStatus.Printing, from: resumed);
        var cancel = await h.Adapter.ExecuteAsync(PrinterCommand.Cancel, CancellationToken.None);
        var cancelled = await h.Sink.WaitForAsync(s => s.Status == PrinterStatus.Cancelled);

        Assert.Equal((CommandResult.Success, CommandResult.Success, CommandResult.Success), (pause, resume, cancel));
        Assert.Equal((PrinterStatus.Cancelled, $"{jobId}"), (cancelled.Job.Status, cancelled.Job.Id));
        var commands = h.Simulator.RequestLog.Where(r => r.Method is "PUT" or "DELETE" && r.Status == 204).Select(r => $"{r.Method} {r.Target}");
        Assert.Equal([$"PUT /api/v1/job/{jobId}/pause", $"PUT /api/v1/job/{jobId}/resume", $"DELETE /api/v1/job/{jobId}"], commands);
        PrusaAdapterLifecycleTests.AssertOneConnectionAndNoQuery(h.Simulator.RequestLog, expectSingleConnection: true);
    }

    [Theory]
    [InlineData("Buddy", "nothing to resume")]
    [InlineData("Pi", "nothing to resume: Printer Is Not Paused")]
    public async Task ExecuteAsync_ResumeWhilePrinting_Gives409AsClearError(string flavour, string expected)
    {
        await using var h = await PrusaAdapterHarness.StartAsync(Enum.Parse<PrusaFlavour>(flavour), o => o with { JobDuration = TimeSpan.FromMinutes(5) });
        h.Simulator.StartJob();
        await h.Sink.WaitForAsync(s => s.Status == PrinterStatus.Printing);

        var result = await h.Adapter.ExecuteAsync(PrinterCommand.Resume, CancellationToken.None);

        Assert.Equal(CommandResult.Failure(expected), result);
        Assert.Contains(h.Simulator.RequestLog, r => r.Method == "PUT" && r.Status == 409);
    }

    [Fact]
    public async Task ExecuteAsync_JobReplacedSinceLastPoll_404RefreshesTheIdAndReportsIt()
    {
        // Polled once while printing, then not for an hour: the adapter's job id goes stale.
        await using var h = await PrusaAdapterHarness.StartAsync(
            PrusaFlavour.Buddy, o => o with { JobDuration = TimeSpan.FromMinutes(10) }, s => s with { PollActive = TimeSpan.FromHours(1) });
        var first = h.Simulator.StartJob();
        await h.Sink.WaitForAsync(s => s.Status == PrinterStatus.Printing);
        h.Simulator.StopOnScreen();
        h.Simulator.AcknowledgeEnd();
        var second = h.Simulator.StartJob();

        var stale = await h.Adapter.ExecuteAsync(PrinterCommand.Cancel, CancellationToken.None);
        var retried = await h.Adapter.ExecuteAsync(PrinterCommand.Cancel, CancellationToken.None);

        Assert.Equal(CommandResult.Failure($"job {first} is no longer the printer's current job (now {second}); not sent, try again"), stale);
        Assert.Equal(CommandResult.Success, retried);
        var deletes = h.Simulator.RequestLog.Where(r => r.Method == "DELETE").Select(r => $"{r.Target} {r.Status}");
        Assert.Equal([$"/api/v1/job/{first} 404", $"/api/v1/job/{second} 204"], deletes);
        Assert.Equal("STOPPED", h.Simulator.Snapshot.State);
    }

    [Fact]
    public async Task ExecuteAsync_CancelWithoutJob_FailsWithoutSendingAnything()
    {
        await using var h = await PrusaAdapterHarness.StartAsync(PrusaFlavour.Buddy);
        await h.Sink.WaitForAsync(s => s.Online && s.Status == PrinterStatus.Idle);

        var result = await h.Adapter.ExecuteAsync(PrinterCommand.Cancel, CancellationToken.None);

        Assert.False(result.Ok);
        Assert.StartsWith("nothing to cancel", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Simulator.RequestLog, r => r.Method == "DELETE");
    }
}
