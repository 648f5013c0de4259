using Printernizer.Bridge.Domain;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.IntegrationTests.Prusa;

public sealed class PrusaAdapterAuthTests
{
    [Theory]
    [InlineData("Buddy")]
    [InlineData("Pi")]
    public async Task RunAsync_WrongPassword_ReportsAuthErrorOnceAndWaitsForAuthRetry(string flavour)
    {
        await using var h = await PrusaAdapterHarness.StartAsync(
            Enum.Parse<PrusaFlavour>(flavour), settings: s => s with { Password = "wrong-password", AuthRetry = TimeSpan.FromHours(1) });

        var failed = await h.Sink.WaitForAsync(s => s.Error is not null);
        var requestsAtFailure = h.Simulator.RequestLog.Count;
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.False(failed.Online);
        Assert.Equal("auth_failed", failed.Error!.Code);
        Assert.StartsWith("authentication failed", failed.Error.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password", failed.Error.Text, StringComparison.Ordinal);
        // The challenge and the one refused attempt, then silence until auth_retry.
        Assert.Equal(2, requestsAtFailure);
        Assert.Equal(requestsAtFailure, h.Simulator.RequestLog.Count);
        Assert.Single(h.Sink.States);
    }

    [Fact]
    public async Task RunAsync_CredentialsAcceptedAgain_ComesOnlineAfterAuthRetryAndClearsError()
    {
        await using var h = await PrusaAdapterHarness.StartAsync(PrusaFlavour.Buddy, settings: s => s with { AuthRetry = TimeSpan.FromSeconds(1) });
        await h.Sink.WaitForAsync(s => s.Online);

        h.Simulator.SetFault(PrusaFault.BadCredentials);
        var failed = await h.Sink.WaitForAsync(s => s.Error is not null);
        h.Simulator.SetFault(PrusaFault.None);
        var back = await h.Sink.WaitForAsync(s => s.Online, from: h.Sink.IndexOf(failed));

        Assert.False(failed.Online);
        Assert.Null(back.Error);
        Assert.Equal(PrinterStatus.Idle, back.Status);
    }

    [Fact]
    public async Task RunAsync_ApiKey_PollsWithoutDigest()
    {
        await using var h = await PrusaAdapterHarness.StartAsync(
            PrusaFlavour.Pi, o => o with { ApiKey = "pi-api-key-1" }, s => s with { Password = null, ApiKey = "pi-api-key-1" });

        var online = await h.Sink.WaitForAsync(s => s.Online);

        Assert.Equal("MK3S", online.Model);
        Assert.DoesNotContain(h.Simulator.RequestLog, r => r.Status == 401);
    }
}
