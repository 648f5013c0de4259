using Printernizer.Bridge.Domain;
using Printernizer.Simulators.Bambu;

namespace Printernizer.Bridge.IntegrationTests.Bambu;

/// <summary>The adapter against the simulator over real TLS on loopback: a whole print job, full and delta profiles.</summary>
public sealed class BambuLifecycleTests
{
    [Theory]
    [InlineData("X1C")]
    [InlineData("P1S")]
    [InlineData("A1Mini")]
    public async Task RunAsync_ScriptedJob_ReportsIdlePreparingPrintingFinishedInOrder(string profile)
    {
        await using var harness = await BambuAdapterHarness.StartAsync(new BambuSimulatorOptions
        {
            Profile = Enum.Parse<BambuSimulatorProfile>(profile),
            JobDuration = TimeSpan.FromSeconds(5),
            TotalLayers = 50,
        });
        var online = await harness.WaitOnlineAsync();
        await harness.Sink.WaitForAsync(s => s.Status == PrinterStatus.Idle, "idle");

        harness.Simulator.StartJob("benchy");
        var finished = await harness.Sink.WaitForAsync(s => s.Status == PrinterStatus.Finished, "finished");

        var states = harness.Sink.States.SkipWhile(s => s.Status != PrinterStatus.Idle).Where(s => s.HasData).ToList();
        var order = states.Select(s => s.Status).Aggregate(new List<PrinterStatus>(), (list, s) =>
        {
            if (list.Count == 0 || list[^1] != s)
            {
                list.Add(s);
            }

            return list;
        });
        Assert.Equal([PrinterStatus.Idle, PrinterStatus.Preparing, PrinterStatus.Printing, PrinterStatus.Finished], order);

        var printing = states.Where(s => s.Status == PrinterStatus.Printing).ToList();
        var percents = printing.Select(s => s.Progress.Percent!.Value).ToList();
        Assert.Equal(percents.Order(), percents);
        Assert.True(percents.Distinct().Count() >= 2, $"progress did not rise: {string.Join(",", percents)}");
        var layers = printing.Select(s => s.Progress.Layer!.Value).ToList();
        Assert.Equal(layers.Order(), layers);
        var remaining = printing.Select(s => s.Progress.RemainingSeconds!.Value).ToList();
        Assert.Equal(remaining.OrderDescending(), remaining);

        Assert.Equal(profile == "A1Mini" ? "A1 mini" : profile, online.Model);
        Assert.Equal("benchy", finished.Job.Name);
        Assert.Equal(100, finished.Progress.Percent);
        Assert.Equal(50, finished.Progress.Layer);
        Assert.NotNull(finished.Job.StartedAt);
        Assert.NotNull(finished.Job.FinishedAt);
        Assert.True(printing.Max(s => s.Temperatures.Nozzle!.Current) > 100, "nozzle never heated");
        if (profile == "X1C")
        {
            Assert.NotNull(finished.Temperatures.Chamber);
        }
        else
        {
            Assert.Null(finished.Temperatures.Chamber);
        }
    }

    [Fact]
    public async Task RunAsync_SimulatorRestarted_ComesBackOnlineWithStateIntact()
    {
        await using var harness = await BambuAdapterHarness.StartAsync(new BambuSimulatorOptions
        {
            Profile = BambuSimulatorProfile.P1S,
            JobDuration = TimeSpan.FromMinutes(10),
        });
        await harness.WaitOnlineAsync();
        harness.Simulator.StartJob("restart_me");
        var before = await harness.Sink.WaitForAsync(s => s.Online && s.Job.Name == "restart_me", "job running");

        await harness.Simulator.StopAsync();
        var offline = await harness.Sink.WaitForAsync(s => !s.Online, "offline");
        await harness.Simulator.RestartAsync();
        var back = await harness.Sink.WaitForAsync(s => s.Online, "online again");

        Assert.Equal(("restart_me", before.Model, before.Status), (offline.Job.Name, offline.Model, offline.Status));
        Assert.Equal(before.Temperatures.Nozzle is null, offline.Temperatures.Nozzle is null);
        Assert.Null(offline.Error);
        Assert.Equal("restart_me", back.Job.Name);
        Assert.True(back.Status.IsJobActive());
        Assert.Equal("P1S", back.Model);
    }
}
