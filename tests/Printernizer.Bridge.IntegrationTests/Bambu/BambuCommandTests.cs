using Printernizer.Bridge.Domain;
using Printernizer.Simulators.Bambu;

namespace Printernizer.Bridge.IntegrationTests.Bambu;

/// <summary>stop/pause/resume answered by the printer's echo, and a locked printer refusing them.</summary>
public sealed class BambuCommandTests
{
    [Theory]
    [InlineData("X1C")]
    [InlineData("P1S")]
    public async Task ExecuteAsync_PauseResumeCancel_RoundTripOk(string profile)
    {
        await using var harness = await BambuAdapterHarness.StartAsync(new BambuSimulatorOptions
        {
            Profile = Enum.Parse<BambuSimulatorProfile>(profile),
            JobDuration = TimeSpan.FromMinutes(10),
        });
        await harness.WaitOnlineAsync();
        harness.Simulator.StartJob("commanded");
        await harness.Sink.WaitForAsync(s => s.Status.IsJobActive(), "job active");

        var paused = await harness.Adapter.ExecuteAsync(PrinterCommand.Pause, CancellationToken.None);
        await harness.Sink.WaitForAsync(s => s.Status == PrinterStatus.Paused, "paused");
        var resumed = await harness.Adapter.ExecuteAsync(PrinterCommand.Resume, CancellationToken.None);
        await harness.Sink.WaitForAsync(s => s.Status is PrinterStatus.Preparing or PrinterStatus.Printing, "resumed");
        var cancelled = await harness.Adapter.ExecuteAsync(PrinterCommand.Cancel, CancellationToken.None);
        var end = await harness.Sink.WaitForAsync(s => s.Status == PrinterStatus.Cancelled, "cancelled");

        Assert.Equal(CommandResult.Success, paused);
        Assert.Equal(CommandResult.Success, resumed);
        Assert.Equal(CommandResult.Success, cancelled);
        Assert.Equal("commanded", end.Job.Name);
        Assert.Null(end.Error);
        Assert.Equal(ControlState.Available, end.Control);
    }

    [Fact]
    public async Task ExecuteAsync_ResumeWhileIdle_IsErrorWithPrinterReason()
    {
        await using var harness = await BambuAdapterHarness.StartAsync(new BambuSimulatorOptions { Profile = BambuSimulatorProfile.A1Mini });
        await harness.WaitOnlineAsync();

        var result = await harness.Adapter.ExecuteAsync(PrinterCommand.Resume, CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Contains("cannot resume", result.Error);
    }

    [Fact]
    public async Task RunAsync_LockedX1c_ReportsLockedFromFunAndCommandsFail()
    {
        await using var harness = await BambuAdapterHarness.StartAsync(new BambuSimulatorOptions { Profile = BambuSimulatorProfile.X1C, Locked = true });
        var state = await harness.WaitOnlineAsync();
        harness.Simulator.StartJob();

        var result = await harness.Adapter.ExecuteAsync(PrinterCommand.Pause, CancellationToken.None);

        Assert.Equal(ControlState.Locked, state.Control);
        Assert.False(result.Ok);
        Assert.Contains("signed commands", result.Error);
        Assert.NotEqual("PAUSE", harness.Simulator.GcodeState);
    }

    [Fact]
    public async Task ExecuteAsync_LockedP1sWithoutFun_ErrCodeReplyLocksControl()
    {
        await using var harness = await BambuAdapterHarness.StartAsync(new BambuSimulatorOptions { Profile = BambuSimulatorProfile.P1S, Locked = true });
        var before = await harness.WaitOnlineAsync();
        harness.Simulator.StartJob();

        var result = await harness.Adapter.ExecuteAsync(PrinterCommand.Cancel, CancellationToken.None);
        var after = await harness.Sink.WaitForAsync(s => s.Control == ControlState.Locked, "control locked");

        Assert.Equal(ControlState.Available, before.Control);
        Assert.False(result.Ok);
        Assert.Contains(BambuAdapterHarness.PrinterId, result.Error);
        Assert.True(after.Online);
    }

    [Fact]
    public async Task ExecuteAsync_SilentPrinter_TimesOutWithError()
    {
        await using var harness = await BambuAdapterHarness.StartAsync(
            new BambuSimulatorOptions { Profile = BambuSimulatorProfile.X1C },
            s => s with { CommandTimeout = TimeSpan.FromSeconds(1) });
        await harness.WaitOnlineAsync();
        harness.Simulator.SetFault(BambuSimulatorFault.Silent);

        var result = await harness.Adapter.ExecuteAsync(PrinterCommand.Pause, CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Contains("did not answer 'pause'", result.Error);
    }
}
