using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Printers;
using Printernizer.Simulators.Bambu;
using Serilog.Events;

namespace Printernizer.Bridge.IntegrationTests.Bambu;

/// <summary>A refused access code and a replaced printer certificate, as a subscriber of the bridge sees them.</summary>
public sealed class BambuBridgeConnectionTests
{
    private const string WrongCode = "99990000";

    [Fact]
    public async Task Bridge_WrongAccessCode_StateErrorOfflineAndNoRetryBeforeAuthRetry()
    {
        const string id = "x1c";

        // The adapters' clock is a fake one, so the default auth_retry (5 minutes) is kept and its wait is exact.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await BambuBridgeHarness.StartAsync(
            [new BambuBridgePrinter(id, new BambuSimulatorOptions { Profile = BambuSimulatorProfile.X1C }, AccessCode: WrongCode)],
            services => services.AddSingleton(sp => new PrinterAdapterContext(clock, sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<BridgeConfig>().StateDir)));
        var simulator = harness[id];

        var state = await harness.WaitForStateAsync(id, j => j.GetProperty("error").ValueKind == System.Text.Json.JsonValueKind.Object, "state with an error");
        var attemptsAtError = simulator.ConnectionAttempts;
        var advanced = TimeSpan.Zero;
        while (advanced < TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(10))
        {
            clock.Advance(TimeSpan.FromSeconds(10));
            advanced += TimeSpan.FromSeconds(10);
            await Task.Delay(20);
        }

        var attemptsBeforeRetry = simulator.ConnectionAttempts;
        while (simulator.ConnectionAttempts == attemptsBeforeRetry && advanced < TimeSpan.FromMinutes(15))
        {
            clock.Advance(TimeSpan.FromSeconds(10));
            advanced += TimeSpan.FromSeconds(10);
            await Task.Delay(100);
        }

        var error = state.Json.GetProperty("error");
        Assert.Equal("auth_failed", error.GetProperty("code").GetString());
        Assert.Contains($"'{id}'", error.GetProperty("text").GetString());
        Assert.Contains("access code", error.GetProperty("text").GetString());
        Assert.Equal("offline", state.Json.GetProperty("status").GetString());
        Assert.Equal("offline", harness.Capture.Last($"printernizer/{id}/availability")!.Text);
        Assert.Equal((1, 1), (attemptsAtError, attemptsBeforeRetry));
        Assert.Equal(2, simulator.ConnectionAttempts);
        Assert.Single(harness.Logs.Lines, l => l.Level == LogEventLevel.Error && l.Message.Contains("refused the access code", StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Logs.Lines, l => l.Message.Contains(WrongCode, StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Capture.Messages, m => m.Text.Contains(WrongCode, StringComparison.Ordinal));
        Assert.Empty(harness.Events(id));
    }

    [Fact]
    public async Task Bridge_CertificateChanged_RefusedWithErrorNamingPrinterAndBothFingerprints()
    {
        const string id = "p1s";
        await using var harness = await BambuBridgeHarness.StartAsync(
            [new BambuBridgePrinter(id, new BambuSimulatorOptions { Profile = BambuSimulatorProfile.P1S })]);
        await harness.WaitForStateAsync(id, j => BambuBridgeHarness.Is(j, "status", "idle"), "idle state");
        var pinned = harness[id].CertificateSha256;
        var attempts = harness[id].ConnectionAttempts;

        await harness[id].RestartAsync(newCertificate: true);
        var refused = await harness.WaitForStateAsync(
            id, j => j.GetProperty("error").ValueKind == System.Text.Json.JsonValueKind.Object, "state with the certificate error");

        var error = refused.Json.GetProperty("error");
        Assert.Equal("tls_certificate_rejected", error.GetProperty("code").GetString());
        Assert.Contains($"'{id}'", error.GetProperty("text").GetString());
        Assert.Contains(pinned, error.GetProperty("text").GetString());
        Assert.Contains(harness[id].CertificateSha256, error.GetProperty("text").GetString());
        Assert.NotEqual(pinned, harness[id].CertificateSha256);
        Assert.Equal("offline", harness.Capture.Last($"printernizer/{id}/availability")!.Text);
        Assert.Equal("P1S", refused.Json.GetProperty("model").GetString());
        Assert.Equal(attempts, harness[id].ConnectionAttempts);
        Assert.Equal(pinned, File.ReadAllText(Path.Combine(harness.StateDir, "bambu", id + ".pin")).Trim());
        Assert.Contains(harness.Logs.Lines, l => l.Level == LogEventLevel.Error && l.Message.Contains(pinned, StringComparison.Ordinal));
    }
}
