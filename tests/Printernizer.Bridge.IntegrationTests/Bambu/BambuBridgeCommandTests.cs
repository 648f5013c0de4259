using Printernizer.Simulators.Bambu;

namespace Printernizer.Bridge.IntegrationTests.Bambu;

/// <summary>Commands published on <c>printernizer/&lt;id&gt;/command</c> reaching a simulated Bambu printer and answered on <c>command/result</c>.</summary>
public sealed class BambuBridgeCommandTests
{
    [Theory]
    [InlineData("X1C")]
    [InlineData("P1S")]
    public async Task CommandTopic_PauseResumeCancel_OkResultsEffectInStateAndCancelledEvent(string profile)
    {
        const string id = "bambu";
        await using var harness = await BambuBridgeHarness.StartAsync(
            [new BambuBridgePrinter(id, new BambuSimulatorOptions { Profile = Enum.Parse<BambuSimulatorProfile>(profile), JobDuration = TimeSpan.FromMinutes(10) })]);
        await harness.WaitForStateAsync(id, j => BambuBridgeHarness.Is(j, "status", "idle"), "idle state");
        harness[id].StartJob("commanded");
        await harness.WaitForEventAsync(id, "job_started");

        var paused = await SendAsync(harness, id, "pause", "t-pause");
        await harness.WaitForStateAsync(id, j => BambuBridgeHarness.Is(j, "status", "paused"), "paused state");
        var resumed = await SendAsync(harness, id, "resume", "t-resume");
        await harness.WaitForEventAsync(id, "job_resumed");
        var cancelled = await SendAsync(harness, id, "cancel", "t-cancel");
        var cancelEvent = await harness.WaitForEventAsync(id, "job_cancelled");

        Assert.All([paused, resumed, cancelled], r => Assert.Equal(("ok", System.Text.Json.JsonValueKind.Null), (r.GetProperty("status").GetString(), r.GetProperty("error").ValueKind)));
        Assert.Equal(["pause", "resume", "cancel"], new[] { paused, resumed, cancelled }.Select(r => r.GetProperty("command").GetString()));
        Assert.Equal(["printer_online", "job_started", "job_paused", "job_resumed", "job_cancelled"], harness.Events(id));
        Assert.Equal("commanded", cancelEvent.Json.GetProperty("job").GetProperty("name").GetString());
        var state = await harness.WaitForStateAsync(id, j => BambuBridgeHarness.Is(j, "status", "cancelled"), "cancelled state");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, state.Json.GetProperty("error").ValueKind);
        Assert.Equal("FAILED", harness[id].GcodeState);
    }

    [Theory]
    [InlineData("X1C")]
    [InlineData("P1S")]
    public async Task CommandTopic_LockedPrinter_ControlLockedInStateAndErrorResult(string profile)
    {
        const string id = "locked";
        await using var harness = await BambuBridgeHarness.StartAsync(
            [new BambuBridgePrinter(id, new BambuSimulatorOptions { Profile = Enum.Parse<BambuSimulatorProfile>(profile), Locked = true, JobDuration = TimeSpan.FromMinutes(10) })]);
        var first = await harness.WaitForStateAsync(id, j => BambuBridgeHarness.Is(j, "status", "idle"), "idle state");
        harness[id].StartJob("locked_job");
        await harness.WaitForEventAsync(id, "job_started");

        var result = await SendAsync(harness, id, "cancel", "t-locked");
        var locked = await harness.WaitForStateAsync(id, j => BambuBridgeHarness.Is(j, "control", "locked"), "control locked");

        // X1 firmware tells through the fun bits at once; P1 only through the refusal of a command.
        Assert.Equal(profile == "X1C" ? "locked" : "available", first.Json.GetProperty("control").GetString());
        Assert.Equal("error", result.GetProperty("status").GetString());
        Assert.Contains("signed commands", result.GetProperty("error").GetString());
        Assert.Contains($"'{id}'", result.GetProperty("error").GetString());
        Assert.True(locked.Retain);
        Assert.NotEqual("FAILED", harness[id].GcodeState);
        Assert.DoesNotContain("job_cancelled", harness.Events(id));
    }

    private static async Task<System.Text.Json.JsonElement> SendAsync(BambuBridgeHarness harness, string id, string command, string transaction)
    {
        await harness.Capture.WaitForAsync(m => m.Topic == "printernizer/bridge/info", "bridge subscribed");
        await harness.Capture.PublishAsync($"printernizer/{id}/command", $$"""{"command":"{{command}}","transaction":"{{transaction}}"}""");
        var result = await harness.Capture.WaitForAsync(
            m => m.Topic == $"printernizer/{id}/command/result" && m.Text.Contains($"\"{transaction}\"", StringComparison.Ordinal),
            $"result of {transaction}",
            TimeSpan.FromSeconds(30));
        Assert.False(result.Retain);
        return result.Json;
    }
}
