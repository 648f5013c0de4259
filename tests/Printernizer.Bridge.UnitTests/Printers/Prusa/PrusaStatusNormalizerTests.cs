using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Printers.Prusa;

namespace Printernizer.Bridge.UnitTests.Printers.Prusa;

public sealed class PrusaStatusNormalizerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);
    private static readonly PrinterState Empty = new() { PrinterId = "mk4" };

    [Fact]
    public void Apply_BuddyPrintingCapture_GivesNormalizedState()
    {
        var status = PrusaStatusReader.Read(PrusaFixtures.Read("buddy_api-v1-status_printing.json"));

        var state = PrusaStatusNormalizer.Apply(Empty, status, null, Now);

        Assert.True(state.Online);
        Assert.True(state.HasData);
        Assert.Equal(PrinterStatus.Printing, state.Status);
        Assert.Equal(new Temperatures(new Temperature(225, 225), new Temperature(60, 60), null), state.Temperatures);
        // time_printing 8546 s is published in whole minutes; the start time uses the exact value.
        Assert.Equal(new JobProgress(67, null, null, 3960, 8520, Now.AddSeconds(3960)), state.Progress);
        Assert.Equal(new PrintJob(null, null, "14", PrinterStatus.Printing, Now.AddSeconds(-8546), null), state.Job);
        Assert.Equal(new FanSpeeds(null, null, null, 3558, 5023), state.Fans);
        Assert.Equal(new MotionSettings(null, 100, 100), state.Motion);
        Assert.False(state.Capabilities.ChamberTemperature);
        Assert.False(state.Capabilities.Layers);
        Assert.False(state.Capabilities.Hms);
        Assert.Equal(Now, state.UpdatedAt);
    }

    [Fact]
    public void Apply_HaStatusWithJob_TakesNameAndFullPathFromJob()
    {
        var status = PrusaStatusReader.Read(PrusaFixtures.Read("ha-fixture_api-v1-status_printing.json"));
        var job = PrusaJobReader.Read(PrusaFixtures.Read("ha-fixture_api-v1-job_printing.json"));

        var state = PrusaStatusNormalizer.Apply(Empty, status, job, Now);

        Assert.Equal(("TabletStand3.bgcode", "/usb/TabletStand3~4.BGC", "129"), (state.Job.Name, state.Job.File, state.Job.Id));
        Assert.Equal(37.0, state.Progress.Percent);
        Assert.Equal(Now.AddSeconds(73020), state.Progress.Eta);
    }

    [Fact]
    public void Apply_PiCaptures_ReadsArrayStorageFlowAndMaterialFromMeta()
    {
        var status = PrusaStatusReader.Read(PrusaFixtures.Read("link-mk3s_api-v1-status_printing.json"));
        var job = PrusaJobReader.Read(PrusaFixtures.Read("link-mk3s_api-v1-job_printing.json"));

        var state = PrusaStatusNormalizer.Apply(Empty, status, job, Now);

        Assert.Equal(95, state.Motion.FlowPercent);
        Assert.Equal("PLA", state.Filament.Material);
        Assert.Equal(0, state.Progress.ElapsedSeconds);
        Assert.Equal(Now, state.Job.StartedAt);
        Assert.Equal(new Temperature(215.1, 215.0), state.Temperatures.Nozzle);
    }

    [Fact]
    public void Apply_IdleCaptureAfterNothing_HasNoJobAndNoProgress()
    {
        var status = PrusaStatusReader.Read(PrusaFixtures.Read("buddy-mk39_api-v1-status_idle.json"));

        var state = PrusaStatusNormalizer.Apply(Empty, status, null, Now);

        Assert.Equal(PrinterStatus.Idle, state.Status);
        Assert.Equal(PrintJob.None, state.Job);
        Assert.Equal(JobProgress.None, state.Progress);
        Assert.Equal(new Temperature(22.0, 0.0), state.Temperatures.Nozzle);
    }

    [Fact]
    public void Apply_SameJobLater_KeepsStartTime()
    {
        var printing = Printing(129, 37, 43987);
        var later = PrusaStatusNormalizer.Apply(printing, Status("PRINTING", new PrusaStatusJob(129, 38, 72000, 44050)), null, Now.AddSeconds(65));

        Assert.Equal(printing.Job.StartedAt, later.Job.StartedAt);
        Assert.Equal(38, later.Progress.Percent);
    }

    [Fact]
    public void Apply_BuddyFinishedWithoutJob_EndsJobAsFinished()
    {
        var printing = Printing(129, 99, 43987);

        var finished = PrusaStatusNormalizer.Apply(printing, Status("FINISHED", null), null, Now.AddSeconds(30));

        Assert.Equal(PrinterStatus.Finished, finished.Status);
        Assert.Equal(("129", PrinterStatus.Finished, Now.AddSeconds(30)), (finished.Job.Id, finished.Job.Status, finished.Job.FinishedAt));
        Assert.Equal((100.0, 0), (finished.Progress.Percent!.Value, finished.Progress.RemainingSeconds!.Value));
    }

    [Fact]
    public void Apply_StoppedThenIdle_KeepsCancelledJobAndClearsProgress()
    {
        var stopped = PrusaStatusNormalizer.Apply(Printing(7, 40, 100), Status("STOPPED", null), null, Now.AddSeconds(2));
        var idle = PrusaStatusNormalizer.Apply(stopped, Status("IDLE", null), null, Now.AddSeconds(60));

        Assert.Equal(PrinterStatus.Cancelled, stopped.Status);
        Assert.Equal((PrinterStatus.Cancelled, 40.0), (stopped.Job.Status, stopped.Progress.Percent!.Value));
        Assert.Equal(PrinterStatus.Idle, idle.Status);
        Assert.Equal(stopped.Job, idle.Job);
        Assert.Equal(JobProgress.None, idle.Progress);
    }

    [Fact]
    public void Apply_PrintingStraightToIdleUnfinished_CountsJobAsCancelled()
    {
        var idle = PrusaStatusNormalizer.Apply(Printing(7, 40, 100), Status("IDLE", null), null, Now.AddSeconds(2));

        Assert.Equal(PrinterStatus.Cancelled, idle.Job.Status);
    }

    [Fact]
    public void ApplyMaterial_BuddyLegacyCapture_SetsMaterialAndPiUnknownKeepsIt()
    {
        var buddy = PrusaLegacyReader.ReadPrinter(PrusaFixtures.Read("buddy_api-printer_legacy_idle.json"));
        var pi = PrusaLegacyReader.ReadPrinter(PrusaFixtures.Read("link-mk3s_api-printer_legacy_printing.json"));

        var withFlex = PrusaStatusNormalizer.ApplyMaterial(Empty, buddy);
        var afterPi = PrusaStatusNormalizer.ApplyMaterial(withFlex, pi);

        Assert.Equal("FLEX", withFlex.Filament.Material);
        Assert.Equal("FLEX", afterPi.Filament.Material);
    }

    [Theory]
    [InlineData("IDLE", "idle")]
    [InlineData("READY", "idle")]
    [InlineData("BUSY", "busy")]
    [InlineData("PRINTING", "printing")]
    [InlineData("PAUSED", "paused")]
    [InlineData("FINISHED", "finished")]
    [InlineData("STOPPED", "cancelled")]
    [InlineData("ATTENTION", "attention")]
    [InlineData("ERROR", "error")]
    [InlineData("UNKNOWN", "unknown")]
    [InlineData("SOMETHING_NEW", "unknown")]
    public void Map_PrusaLinkState_FollowsSpecTable(string state, string expected)
    {
        Assert.Equal(expected, PrusaStateMapper.Map(state).ToWire());
    }

    [Fact]
    public void Read_StatusWithNullsAndWrongTypes_ReadsThemAsAbsent()
    {
        var status = PrusaStatusReader.Read("""{"printer":{"state":"PRINTING","temp_nozzle":null,"target_nozzle":"hot","flow":95.0},"job":{"id":3,"progress":null},"storage":42}""");

        var state = PrusaStatusNormalizer.Apply(Empty, status, null, Now);

        Assert.Null(state.Temperatures.Nozzle);
        Assert.Equal(95, state.Motion.FlowPercent);
        Assert.Equal(("3", (double?)null), (state.Job.Id, state.Progress.Percent));
        Assert.Empty(status.Storage);
    }

    [Theory]
    [InlineData("{\"printer\": {\"state\": \"PRI")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"storage\": {}}")]
    public void Read_UnusableStatus_ThrowsBadResponse(string body)
    {
        Assert.Throws<PrusaBadResponseException>(() => PrusaStatusReader.Read(body));
    }

    private static PrinterState Printing(int id, double percent, int elapsed) =>
        PrusaStatusNormalizer.Apply(Empty, Status("PRINTING", new PrusaStatusJob(id, percent, 1000, elapsed)), null, Now);

    private static PrusaStatus Status(string state, PrusaStatusJob? job) =>
        new(state, 200, 200, 60, 60, 1, 100, 100, 3000, 4000, job, null, []);
}
