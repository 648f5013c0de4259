using Printernizer.Simulators.Bambu;

namespace Printernizer.Bridge.IntegrationTests.Bambu;

/// <summary>
/// The whole bridge (real host, real broker) with simulated Bambu printers over TLS: topics and
/// events of a print job, a printer restart and a silent printer, as a subscriber sees them.
/// </summary>
public sealed class BambuBridgeLifecycleTests
{
    private static readonly string[] StateTopics = ["availability", "state", "temperature", "progress", "job", "filament"];

    [Theory]
    [InlineData("X1C")]
    [InlineData("P1S")]
    [InlineData("A1Mini")]
    public async Task Bridge_ScriptedJob_PublishesEveryTopicAndExactlyTheJobEventsInOrder(string profile)
    {
        const string id = "bambu";
        await using var harness = await BambuBridgeHarness.StartAsync(
            [new BambuBridgePrinter(id, new BambuSimulatorOptions { Profile = Enum.Parse<BambuSimulatorProfile>(profile), JobDuration = TimeSpan.FromSeconds(6), TotalLayers = 40 })]);
        await harness.WaitForStateAsync(id, j => BambuBridgeHarness.Is(j, "status", "idle"), "idle state");

        harness[id].StartJob("benchy");
        var finished = await harness.WaitForEventAsync(id, "job_finished");
        await harness.StopBridgeAsync();

        // The bridge's own shutdown is not a printer transition: no printer_offline for it.
        Assert.Equal(["printer_online", "job_started", "job_finished"], harness.Events(id));
        foreach (var topic in StateTopics)
        {
            var messages = harness.Capture.On($"printernizer/{id}/{topic}");
            Assert.True(messages.Count > 0, $"nothing on {topic}");
            Assert.All(messages, m => Assert.True(m.Retain, $"{topic} not retained"));
        }

        var statuses = harness.Capture.On($"printernizer/{id}/state").Select(m => m.Json.GetProperty("status").GetString()).Distinct().ToList();
        Assert.Equal(["idle", "preparing", "printing", "finished"], statuses);
        var percents = harness.Capture.On($"printernizer/{id}/progress")
            .Select(m => m.Json.GetProperty("percent")).Where(p => p.ValueKind == System.Text.Json.JsonValueKind.Number).Select(p => p.GetDouble()).ToList();
        Assert.Equal(percents.Order(), percents);
        Assert.Equal(100, percents[^1]);
        var job = finished.Json.GetProperty("job");
        Assert.Equal(("benchy", "benchy.gcode.3mf", "finished"), (job.GetProperty("name").GetString(), job.GetProperty("file").GetString(), job.GetProperty("status").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.String, job.GetProperty("finished_at").ValueKind);
        var state = harness.Capture.Last($"printernizer/{id}/state")!.Json;
        Assert.Equal(profile == "A1Mini" ? "A1 mini" : profile, state.GetProperty("model").GetString());
        Assert.Equal(harness[id].Serial, state.GetProperty("serial").GetString());
        var chamber = harness.Capture.Last($"printernizer/{id}/temperature")!.Json.GetProperty("chamber");
        Assert.Equal(profile == "X1C", chamber.ValueKind != System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Bridge_SteadyPreparingPrinter_ProgressNotRepublishedAsTimePasses()
    {
        const string id = "p1s";
        await using var harness = await BambuBridgeHarness.StartAsync(
            [new BambuBridgePrinter(id, new BambuSimulatorOptions { Profile = BambuSimulatorProfile.P1S, JobDuration = TimeSpan.FromHours(2) })]);
        await harness.WaitForStateAsync(id, j => BambuBridgeHarness.Is(j, "status", "idle"), "idle state");

        // The bridge republishes every retained topic once its first broker connection is set up; that is not a report.
        await harness.Capture.WaitForAsync(m => m.Topic == "printernizer/bridge/info", "bridge info");
        harness[id].StartJob("slow");
        await harness.WaitForStateAsync(id, j => BambuBridgeHarness.Is(j, "status", "preparing"), "preparing state");
        await harness.Capture.WaitForAsync(m => m.Topic == $"printernizer/{id}/progress" && m.Text.Contains("\"remaining_s\":5400"), "progress of the job");
        var progressBefore = harness.Capture.On($"printernizer/{id}/progress").Count;
        var pushes = harness.Capture.On($"printernizer/{id}/temperature").Count;

        // The simulator pushes a report every 250 ms; a dozen of them change nothing the printer reports about progress.
        await Task.Delay(TimeSpan.FromSeconds(3));

        var progress = harness.Capture.On($"printernizer/{id}/progress");
        Assert.True(progressBefore == progress.Count, string.Join("\n", progress.Select(m => m.Text)));
        Assert.Equal(System.Text.Json.JsonValueKind.String, progress[^1].Json.GetProperty("eta").ValueKind);
        Assert.Equal(90 * 60, progress[^1].Json.GetProperty("remaining_s").GetInt32());
        Assert.True(pushes > 0);
    }

    [Fact]
    public async Task Bridge_SimulatorRestarted_OnlineAgainWithStateIntactAndOneOfflineOneOnlineEvent()
    {
        const string id = "p1s";
        await using var harness = await BambuBridgeHarness.StartAsync(
            [new BambuBridgePrinter(id, new BambuSimulatorOptions { Profile = BambuSimulatorProfile.P1S, JobDuration = TimeSpan.FromMinutes(10) })]);
        await harness.WaitForStateAsync(id, j => BambuBridgeHarness.Is(j, "status", "idle"), "idle state");
        harness[id].StartJob("restart_me");
        await harness.WaitForEventAsync(id, "job_started");
        var jobBefore = harness.Capture.Last($"printernizer/{id}/job")!.Json;

        await harness[id].StopAsync();
        await harness.Capture.WaitForAsync($"printernizer/{id}/availability", "offline");
        var stateWhileOffline = harness.Capture.Last($"printernizer/{id}/state")!.Text;
        await harness[id].RestartAsync();
        await harness.WaitForEventAsync(id, "printer_online");
        await harness.Capture.WaitForAsync(
            m => m.Topic == $"printernizer/{id}/event" && m.Text.Contains("\"printer_online\"") && harness.Events(id).Count >= 4, "second printer_online");
        await harness.StopBridgeAsync();

        Assert.Equal(["printer_online", "job_started", "printer_offline", "printer_online"], harness.Events(id));
        Assert.Equal("online", harness.Capture.On($"printernizer/{id}/availability").SkipWhile(m => m.Text != "offline").Skip(1).First().Text);
        var stateAfter = harness.Capture.Last($"printernizer/{id}/state")!.Json;
        Assert.Contains("\"model\":\"P1S\"", stateWhileOffline);
        Assert.Contains(stateAfter.GetProperty("status").GetString(), new[] { "preparing", "printing" });
        var jobAfter = harness.Capture.Last($"printernizer/{id}/job")!.Json;
        Assert.Equal(jobBefore.GetProperty("id").GetString(), jobAfter.GetProperty("id").GetString());
        Assert.Equal(jobBefore.GetProperty("started_at").GetString(), jobAfter.GetProperty("started_at").GetString());
    }

    [Fact]
    public async Task Bridge_SilentPrinter_OfflineAfterWatchdogWithStateKeptRetained()
    {
        const string id = "a1mini";
        await using var harness = await BambuBridgeHarness.StartAsync(
            [new BambuBridgePrinter(id, new BambuSimulatorOptions { Profile = BambuSimulatorProfile.A1Mini }, ExtraYaml: "watchdog: 2s")]);
        await harness.WaitForStateAsync(id, j => BambuBridgeHarness.Is(j, "status", "idle"), "idle state");
        var stateBefore = harness.Capture.Last($"printernizer/{id}/state")!.Text;

        harness[id].SetFault(BambuSimulatorFault.Silent);
        await harness.Capture.WaitForAsync($"printernizer/{id}/availability", "offline");

        // The event is published after the topics of the same state, so everything going offline caused has arrived.
        await harness.WaitForEventAsync(id, "printer_offline");
        var messages = harness.Capture.Messages;
        var wentOffline = messages.ToList().FindLastIndex(m => m.Topic == $"printernizer/{id}/availability" && m.Text == "offline");
        var publishedGoingOffline = messages.Skip(wentOffline + 1).ToList();
        await using var late = await MqttCaptureFor(harness, $"printernizer/{id}/#");
        var retainedState = await late.WaitForAsync(m => m.Topic == $"printernizer/{id}/state", "retained state for a late subscriber");
        harness[id].SetFault(BambuSimulatorFault.None);
        await harness.Capture.WaitForAsync(
            m => m.Topic == $"printernizer/{id}/availability" && m.Text == "online" && harness.Events(id).Count >= 3, "online again");

        Assert.True(retainedState.Retain);
        Assert.Equal(stateBefore, retainedState.Text);
        Assert.DoesNotContain(publishedGoingOffline, m => m.Topic.StartsWith($"printernizer/{id}/", StringComparison.Ordinal) && !m.Topic.EndsWith("/availability") && !m.Topic.EndsWith("/event"));
        Assert.Equal(["printer_online", "printer_offline", "printer_online"], harness.Events(id));
        Assert.Contains(harness.Logs.Lines, l => l.Message.Contains("no message for", StringComparison.Ordinal));
    }

    private static Task<Infrastructure.MqttCapture> MqttCaptureFor(BambuBridgeHarness harness, string filter) =>
        Infrastructure.MqttCapture.ConnectAsync(harness.Broker, filter);
}
