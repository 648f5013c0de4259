using Printernizer.Bridge.Domain;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.IntegrationTests.Prusa;

public sealed class PrusaAdapterReportingTests
{
    [Fact]
    public async Task RunAsync_IdlePrinterPolledRepeatedly_ReportsOnlyTheFirstState()
    {
        await using var h = await PrusaAdapterHarness.StartAsync(PrusaFlavour.Buddy);
        await h.Sink.WaitForAsync(s => s.Online && s.Status == PrinterStatus.Idle);
        var from = h.Simulator.RequestLog.Count;

        await WaitForStatusPollsAsync(h.Simulator, from, 6);

        Assert.Single(h.Sink.States);
    }

    [Fact]
    public async Task RunAsync_SteadyPausedPrint_NeitherReportsNorRefetchesTheJob()
    {
        await using var h = await PrusaAdapterHarness.StartAsync(PrusaFlavour.Pi, o => o with { JobDuration = TimeSpan.FromMinutes(10) });
        h.Simulator.StartJob();
        await h.Sink.WaitForAsync(s => s.Status == PrinterStatus.Printing);
        await h.Adapter.ExecuteAsync(PrinterCommand.Pause, CancellationToken.None);
        var paused = await h.Sink.WaitForAsync(s => s.Status == PrinterStatus.Paused);
        await WaitForStatusPollsAsync(h.Simulator, h.Simulator.RequestLog.Count, 2);
        var reports = h.Sink.States.Count;
        var from = h.Simulator.RequestLog.Count;

        await WaitForStatusPollsAsync(h.Simulator, from, 6);

        Assert.Equal(reports, h.Sink.States.Count);
        Assert.Same(paused, h.Sink.States[^1]);
        Assert.DoesNotContain(h.Simulator.RequestLog.Skip(from), r => r.Target == "/api/v1/job");
    }

    private static async Task WaitForStatusPollsAsync(PrusaLinkSimulator simulator, int from, int count)
    {
        var deadline = DateTime.UtcNow + RecordingStateSink.DefaultTimeout;
        while (simulator.RequestLog.Skip(from).Count(r => r.Target == "/api/v1/status") < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"fewer than {count} status polls");
            await Task.Delay(50);
        }
    }
}
