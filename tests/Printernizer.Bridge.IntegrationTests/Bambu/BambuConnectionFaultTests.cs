using Microsoft.Extensions.Logging;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Simulators.Bambu;

namespace Printernizer.Bridge.IntegrationTests.Bambu;

/// <summary>Wrong access code, silence, lost connections and a replaced certificate, with shortened intervals.</summary>
public sealed class BambuConnectionFaultTests
{
    [Fact]
    public async Task RunAsync_WrongAccessCode_ReportsAuthErrorAndWaitsForAuthRetry()
    {
        await using var harness = await BambuAdapterHarness.StartAsync(
            new BambuSimulatorOptions { Profile = BambuSimulatorProfile.X1C, AccessCode = "87654321" },
            s => s with { AuthRetry = TimeSpan.FromHours(1) },
            accessCode: "11112222");

        var state = await harness.Sink.WaitForAsync(s => s.Error?.Code == "auth_failed", "auth error");
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.False(state.Online);
        Assert.Contains(BambuAdapterHarness.PrinterId, state.Error!.Text);
        Assert.DoesNotContain("11112222", state.Error.Text);
        Assert.Equal(1, harness.Simulator.ConnectionAttempts);
        Assert.DoesNotContain(harness.Logs.Lines, l => l.Message.Contains("11112222", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_WrongCredentialsPersist_RetriesSlowlyAndLogsOnce()
    {
        await using var harness = await BambuAdapterHarness.StartAsync(
            new BambuSimulatorOptions { Profile = BambuSimulatorProfile.P1S },
            s => s with { AuthRetry = TimeSpan.FromMilliseconds(500) });
        await harness.WaitOnlineAsync();
        harness.Simulator.SetFault(BambuSimulatorFault.WrongCredentials);

        await harness.Simulator.DropClientsAsync();
        await harness.Sink.WaitForAsync(s => s.Error?.Code == "auth_failed", "auth error");
        var attemptsThen = harness.Simulator.ConnectionAttempts;
        await Poll.UntilAsync(() => harness.Simulator.ConnectionAttempts >= attemptsThen + 2, TimeSpan.FromSeconds(30), "two more auth retries");
        harness.Simulator.SetFault(BambuSimulatorFault.None);
        var back = await harness.Sink.WaitForAsync(s => s.Online, "online after the code works again");

        Assert.Single(harness.Logs.Lines, l => l.Level == LogLevel.Error && l.Message.Contains("refused the access code", StringComparison.Ordinal));
        Assert.Null(back.Error);
        Assert.Equal("P1S", back.Model);
    }

    [Fact]
    public async Task RunAsync_SilentPrinter_GoesOfflineAfterWatchdogKeepingValues()
    {
        await using var harness = await BambuAdapterHarness.StartAsync(
            new BambuSimulatorOptions { Profile = BambuSimulatorProfile.A1Mini },
            s => s with { Watchdog = TimeSpan.FromSeconds(2) });
        var online = await harness.WaitOnlineAsync();

        harness.Simulator.SetFault(BambuSimulatorFault.Silent);
        var offline = await harness.Sink.WaitForAsync(s => !s.Online, "offline after silence");
        harness.Simulator.SetFault(BambuSimulatorFault.None);
        var back = await harness.Sink.WaitForAsync(s => s.Online, "online after silence ends");

        Assert.Equal(online.Model, offline.Model);
        Assert.Equal(online.Status, offline.Status);
        Assert.Equal(online.Filament.Units.Count, offline.Filament.Units.Count);
        Assert.NotNull(offline.Temperatures.Nozzle);
        Assert.Contains(harness.Logs.Lines, l => l.Message.Contains("no message for", StringComparison.Ordinal));
        Assert.True(back.HasData);
    }

    [Fact]
    public async Task RunAsync_ConnectionDropped_GoesOfflineAtOnceAndReconnects()
    {
        await using var harness = await BambuAdapterHarness.StartAsync(
            new BambuSimulatorOptions { Profile = BambuSimulatorProfile.X1C },
            s => s with { Watchdog = TimeSpan.FromMinutes(10) });
        await harness.WaitOnlineAsync();
        var attempts = harness.Simulator.ConnectionAttempts;

        await harness.Simulator.DropClientsAsync();
        await harness.Sink.WaitForAsync(s => !s.Online, "offline after TCP loss");
        var back = await harness.Sink.WaitForAsync(s => s.Online, "online again");

        Assert.True(harness.Simulator.ConnectionAttempts > attempts);
        Assert.Equal("X1C", back.Model);
        Assert.Contains(harness.Logs.Lines, l => l.Message.Contains("connection lost", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_PrinterKeepsDroppingSessions_StaysOfflineThenRecovers()
    {
        await using var harness = await BambuAdapterHarness.StartAsync(new BambuSimulatorOptions { Profile = BambuSimulatorProfile.A1Mini });
        await harness.WaitOnlineAsync();

        harness.Simulator.SetFault(BambuSimulatorFault.Disconnect);
        await harness.Sink.WaitForAsync(s => !s.Online, "offline while sessions drop");
        var attempts = harness.Simulator.ConnectionAttempts;
        await Poll.UntilAsync(() => harness.Simulator.ConnectionAttempts > attempts, TimeSpan.FromSeconds(30), "a reconnect attempt");
        harness.Simulator.SetFault(BambuSimulatorFault.None);
        var back = await harness.Sink.WaitForAsync(s => s.Online, "online after the drops stop");

        Assert.Equal("A1 mini", back.Model);
        Assert.Null(back.Error);
    }

    [Fact]
    public async Task RunAsync_CertificateChanged_RefusedNamingPrinterAndBothFingerprints()
    {
        await using var harness = await BambuAdapterHarness.StartAsync(new BambuSimulatorOptions { Profile = BambuSimulatorProfile.P1S });
        await harness.WaitOnlineAsync();
        var pinned = harness.Simulator.CertificateSha256;

        await harness.Simulator.RestartAsync(newCertificate: true);
        var refused = await harness.Sink.WaitForAsync(s => s.Error?.Code == "tls_certificate_rejected", "certificate refusal");

        Assert.False(refused.Online);
        Assert.Contains($"'{BambuAdapterHarness.PrinterId}'", refused.Error!.Text);
        Assert.Contains(pinned, refused.Error.Text);
        Assert.Contains(harness.Simulator.CertificateSha256, refused.Error.Text);
        Assert.NotEqual(pinned, harness.Simulator.CertificateSha256);
        Assert.Equal(pinned, File.ReadAllText(Path.Combine(harness.StateDirectory, "bambu", BambuAdapterHarness.PrinterId + ".pin")).Trim());
    }
}
