using System.Text.Json.Nodes;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Printers.Bambu;

namespace Printernizer.Bridge.UnitTests.Printers.Bambu;

/// <summary>
/// Progress values, and the clock-derived ones (elapsed, ETA) staying put while the printer's
/// values do not move, so that a steady printer does not republish <c>progress</c> on every report.
/// </summary>
public sealed class BambuProgressReaderTests
{
    private static readonly DateTimeOffset T0 = BambuFixtures.Now;
    private static readonly PrintJob Printing = new("a", null, null, PrinterStatus.Printing, T0.AddMinutes(-30), null);

    [Fact]
    public void Read_Active_ConvertsMinutesAndComputesEtaAndElapsed()
    {
        var progress = BambuProgressReader.Read(Print(42, 60), Printing, BambuFixtures.Empty(), T0);

        Assert.Equal(new JobProgress(42, 7, 100, 3600, 1800, T0.AddHours(1)), progress);
    }

    [Fact]
    public void Read_SameValuesSecondsLater_KeepsElapsedAndEta()
    {
        var first = BambuProgressReader.Read(Print(42, 60), Printing, BambuFixtures.Empty(), T0);

        var later = BambuProgressReader.Read(Print(42, 60), Printing, Previous(first), T0.AddSeconds(7));

        Assert.Equal(first, later);
    }

    [Fact]
    public void Read_PercentMovedRemainingSame_RefreshesElapsedKeepsEta()
    {
        var first = BambuProgressReader.Read(Print(42, 60), Printing, BambuFixtures.Empty(), T0);

        var later = BambuProgressReader.Read(Print(43, 60), Printing, Previous(first), T0.AddSeconds(40));

        Assert.Equal(new JobProgress(43, 7, 100, 3600, 1840, T0.AddHours(1)), later);
    }

    [Fact]
    public void Read_RemainingMinuteDown_RecomputesEtaFromReceipt()
    {
        var first = BambuProgressReader.Read(Print(42, 60), Printing, BambuFixtures.Empty(), T0);

        var later = BambuProgressReader.Read(Print(42, 59), Printing, Previous(first), T0.AddSeconds(65));

        Assert.Equal(T0.AddSeconds(65 + 59 * 60), later.Eta);
        Assert.Equal(1865, later.ElapsedSeconds);
    }

    [Fact]
    public void Read_ResumedAfterLongPause_RecomputesEtaThoughRemainingIsSame()
    {
        var paused = Printing with { Status = PrinterStatus.Paused };
        var whilePaused = BambuProgressReader.Read(Print(42, 60), paused, BambuFixtures.Empty() with { HasData = true, Job = paused }, T0);

        var resumed = BambuProgressReader.Read(Print(42, 60), Printing, Previous(whilePaused, paused), T0.AddMinutes(20));

        Assert.Equal(T0.AddMinutes(80), resumed.Eta);
    }

    [Fact]
    public void Read_NotActive_NoEtaNoElapsed()
    {
        var finished = Printing with { Status = PrinterStatus.Finished, FinishedAt = T0 };

        var progress = BambuProgressReader.Read(Print(100, 0), finished, BambuFixtures.Empty(), T0);

        Assert.Equal(new JobProgress(100, 7, 100, 0, null, null), progress);
    }

    private static PrinterState Previous(JobProgress progress, PrintJob? job = null) =>
        BambuFixtures.Empty() with { HasData = true, Job = job ?? Printing, Status = (job ?? Printing).Status, Progress = progress };

    private static JsonObject Print(int percent, int remainingMinutes) => (JsonObject)JsonNode.Parse(
        $$"""{"gcode_state":"RUNNING","layer_num":7,"total_layer_num":100,"mc_percent":{{percent}},"mc_remaining_time":{{remainingMinutes}}}""")!;
}
