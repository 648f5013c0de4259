using System.Text.Json;
using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Simulators.Prusa;
using Serilog.Events;

namespace Printernizer.Bridge.IntegrationTests.Prusa;

/// <summary>Refused credentials as seen on the broker: the error in state, offline, and a slow retry.</summary>
public sealed class PrusaBridgeAuthTests
{
    private static readonly TimeSpan AuthRetry = TimeSpan.FromSeconds(3);

    [Theory]
    [InlineData("Buddy")]
    [InlineData("Pi")]
    public async Task Bridge_WrongPassword_StateErrorOfflineAndNoRetryBeforeAuthRetry(string flavour)
    {
        var options = PrusaBridgeConfig.Simulator(Enum.Parse<PrusaFlavour>(flavour), TimeSpan.FromMinutes(10));
        await using var rig = await PrusaBridgeRig.StartAsync(
            new PrusaRigPrinter("p1", options, s => s with { Password = "wrong-password", AuthRetry = AuthRetry }));
        var sim = rig.Simulators["p1"];

        var failed = await rig.WaitForAsync("p1", "state", s => s.GetProperty("error").ValueKind == JsonValueKind.Object);
        var firstAttempt = sim.RequestLog.Count;
        // The first connect was the challenge and one refused attempt; the next request is the retry.
        await Poll.UntilAsync(() => sim.RequestLog.Count > firstAttempt, TimeSpan.FromSeconds(30));

        var error = rig.Message(failed).Json.GetProperty("error");
        Assert.Equal("auth_failed", error.GetProperty("code").GetString());
        Assert.StartsWith("authentication failed", error.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("offline", rig.On("p1", "availability").Last().Text);
        Assert.All(rig.On("p1", "availability"), m => Assert.Equal("offline", m.Text));

        var log = sim.RequestLog;
        Assert.All(log, r => Assert.Equal(401, r.Status));
        Assert.Equal("/api/version", log[firstAttempt].Target);
        Assert.True(
            log[firstAttempt].ReceivedAt - log[firstAttempt - 1].ReceivedAt >= AuthRetry - TimeSpan.FromMilliseconds(50),
            $"retried after {(log[firstAttempt].ReceivedAt - log[firstAttempt - 1].ReceivedAt).TotalMilliseconds} ms");

        Assert.Empty(rig.On("p1", "event"));
        Assert.Empty(rig.On("p1", "job"));
        Assert.Single(rig.Logs.Lines, l => l.Level == LogEventLevel.Error && l.Text.Contains("refused the credentials", StringComparison.Ordinal));
        Assert.DoesNotContain(rig.Logs.Lines, l => l.Text.Contains("wrong-password", StringComparison.Ordinal));
        Assert.DoesNotContain(rig.Capture.Messages, m => m.Text.Contains("wrong-password", StringComparison.Ordinal));
        rig.AssertPoliteTo("p1");
    }
}
