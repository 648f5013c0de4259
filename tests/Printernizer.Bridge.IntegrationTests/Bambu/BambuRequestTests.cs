using Printernizer.Bridge.Domain;
using Printernizer.Simulators.Bambu;

namespace Printernizer.Bridge.IntegrationTests.Bambu;

/// <summary>What the adapter asks the printer for: version and pushall on every (re)connect, periodic pushall only on P1/A1.</summary>
public sealed class BambuRequestTests
{
    [Fact]
    public async Task RunAsync_Reconnect_SendsGetVersionAndPushallAgain()
    {
        await using var harness = await BambuAdapterHarness.StartAsync(new BambuSimulatorOptions { Profile = BambuSimulatorProfile.X1C });
        await harness.WaitOnlineAsync();

        await harness.Simulator.DropClientsAsync();
        await harness.Sink.WaitForAsync(s => !s.Online, "offline");
        await harness.Sink.WaitForAsync(s => s.Online, "online again");

        Assert.Equal(2, harness.Simulator.VersionRequests);
        Assert.Equal(2, harness.Simulator.PushallRequests);
    }

    [Fact]
    public async Task RunAsync_DeltaModel_RepeatsPushallAfterInterval()
    {
        await using var harness = await BambuAdapterHarness.StartAsync(
            new BambuSimulatorOptions { Profile = BambuSimulatorProfile.P1S },
            s => s with { PushallInterval = TimeSpan.FromMilliseconds(500) });
        await harness.WaitOnlineAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (harness.Simulator.PushallRequests < 3)
        {
            await Task.Delay(50, timeout.Token);
        }

        Assert.Equal(1, harness.Simulator.VersionRequests);
    }

    [Fact]
    public async Task RunAsync_DeltaModelSendingNothingOnItsOwn_PushallRepeatedOnTheTimer()
    {
        // The printer only answers pushall: nothing but the session's wake-up timer drives the loop,
        // and the pushall deadline (known once the model is) is earlier than the armed watchdog.
        await using var harness = await BambuAdapterHarness.StartAsync(
            new BambuSimulatorOptions { Profile = BambuSimulatorProfile.P1S, Tick = TimeSpan.FromHours(1) },
            s => s with { PushallInterval = TimeSpan.FromMilliseconds(300), Watchdog = TimeSpan.FromMinutes(10) });
        await harness.WaitOnlineAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (harness.Simulator.PushallRequests < 4)
        {
            await Task.Delay(50, timeout.Token);
        }

        Assert.Equal(1, harness.Simulator.VersionRequests);
    }

    [Fact]
    public async Task RunAsync_FullReportModel_SendsNoPeriodicPushall()
    {
        await using var harness = await BambuAdapterHarness.StartAsync(
            new BambuSimulatorOptions { Profile = BambuSimulatorProfile.X1C },
            s => s with { PushallInterval = TimeSpan.FromMilliseconds(200) });
        await harness.WaitOnlineAsync();

        // Heating for a job changes every report; an idle printer's reports would change nothing and pass on no state.
        harness.Simulator.StartJob();
        var reports = harness.Sink.States.Count;
        await harness.Sink.WaitForAsync(_ => harness.Sink.States.Count > reports + 10, "ten more reports");

        Assert.Equal(1, harness.Simulator.PushallRequests);
    }

    [Fact]
    public async Task RunAsync_ReplayedP1sCaptures_AreMergedLikeThePrinterSentThem()
    {
        var fixtures = FixtureDirectory();
        await using var harness = await BambuAdapterHarness.StartAsync(
            new BambuSimulatorOptions { Profile = BambuSimulatorProfile.A1Mini, Tick = TimeSpan.FromHours(1) },
            s => s with { Watchdog = TimeSpan.FromMinutes(10) });
        await harness.WaitOnlineAsync();

        await harness.Simulator.ReplayFileAsync(Path.Combine(fixtures, "p1s_pushall_idle_ams.json"));
        await harness.Simulator.ReplayFileAsync(Path.Combine(fixtures, "p1s_delta_ams_block.json"));
        var state = await harness.Sink.WaitForAsync(s => s.Temperatures.Bed?.Current == 29.53125, "the delta's bed temperature");

        Assert.Equal("TPU-AMS", state.Filament.External?.Type);
        Assert.Equal(12, Assert.Single(state.Filament.Units).Humidity);
        Assert.Equal(PrinterStatus.Idle, state.Status);
    }

    [Fact]
    public async Task ExecuteAsync_WhilePrinterUnreachable_IsErrorNotException()
    {
        await using var harness = await BambuAdapterHarness.StartAsync(new BambuSimulatorOptions { Profile = BambuSimulatorProfile.A1Mini });
        await harness.WaitOnlineAsync();
        await harness.Simulator.StopAsync();
        await harness.Sink.WaitForAsync(s => !s.Online, "offline");

        var result = await harness.Adapter.ExecuteAsync(PrinterCommand.Pause, CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Contains("not connected", result.Error);
    }

    private static string FixtureDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Printernizer.Bridge.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "fixtures", "bambu"));
            }
        }

        throw new DirectoryNotFoundException("Printernizer.Bridge.sln not found above " + AppContext.BaseDirectory);
    }
}
