using System.Text.Json;
using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.IntegrationTests.Prusa;

/// <summary>A printer that goes away and comes back, and a slow printer beside a healthy one.</summary>
public sealed class PrusaBridgeConnectionTests
{
    [Theory]
    [InlineData("Buddy", "stop")]
    [InlineData("Pi", "stop")]
    [InlineData("Buddy", "drop")]
    [InlineData("Pi", "drop")]
    public async Task Bridge_PrinterGoesAwayAndReturns_OfflineKeepsStateThenOnlineWithoutReplayingTheJob(string flavour, string how)
    {
        // Two minutes: progress moves by 1 % every 1.2 s, so its rising shows that polling resumed.
        var options = PrusaBridgeConfig.Simulator(Enum.Parse<PrusaFlavour>(flavour), TimeSpan.FromMinutes(2));
        await using var rig = await PrusaBridgeRig.StartAsync(new PrusaRigPrinter("p1", options));
        var sim = rig.Simulators["p1"];
        await rig.WaitForAvailabilityAsync("p1", "online");
        var jobId = $"{sim.StartJob()}";
        await rig.WaitForEventAsync("p1", "job_started");
        await rig.WaitForAsync("p1", "progress", p => p.GetProperty("percent").ValueKind == JsonValueKind.Number);
        var jobBefore = rig.On("p1", "job").Last().Json;

        await GoAwayAsync(sim, how);
        var offline = await rig.WaitForAvailabilityAsync("p1", "offline", after: rig.Mark);
        var lastState = rig.On("p1", "state").Last().Text;
        await using (var late = await MqttCapture.ConnectAsync(rig.Broker, "printernizer/p1/state"))
        {
            // A subscriber arriving during the outage still gets the last good state, retained.
            var retained = await late.WaitForAsync(m => m.Topic == "printernizer/p1/state", "retained state");
            Assert.Equal((lastState, true), (retained.Text, retained.Retain));
            Assert.Equal("printing", retained.Json.GetProperty("status").GetString());
        }

        await ComeBackAsync(sim, how);
        var online = await rig.WaitForAvailabilityAsync("p1", "online", after: offline);
        var percentAtReturn = rig.On("p1", "progress").Last().Json.GetProperty("percent").GetDouble();
        await rig.WaitForAsync("p1", "progress", p => p.GetProperty("percent").GetDouble() > percentAtReturn, after: online);

        // Nothing but availability (and its event) changed while the printer was away.
        Assert.DoesNotContain(
            rig.Capture.Messages.Skip(offline + 1).Take(online - offline - 1),
            m => m.Topic.StartsWith("printernizer/p1/", StringComparison.Ordinal) && m.Topic != "printernizer/p1/event");
        Assert.Equal(["printer_online", "job_started", "printer_offline", "printer_online"], rig.Events("p1"));
        Assert.Equal("printing", rig.On("p1", "state").Last().Json.GetProperty("status").GetString());
        var jobAfter = rig.On("p1", "job").Last().Json;
        Assert.Equal((jobId, "printing"), (jobAfter.GetProperty("id").GetString(), jobAfter.GetProperty("status").GetString()));
        Assert.Equal(jobBefore.GetProperty("started_at").GetString(), jobAfter.GetProperty("started_at").GetString());
        Assert.Equal(jobBefore.GetProperty("name").GetString(), jobAfter.GetProperty("name").GetString());
        rig.AssertPoliteTo("p1");
    }

    [Fact]
    public async Task Bridge_OnePrinterSlow_TheOtherKeepsPublishing()
    {
        var healthy = PrusaBridgeConfig.Simulator(PrusaFlavour.Buddy, TimeSpan.FromSeconds(4));
        var slow = PrusaBridgeConfig.Simulator(PrusaFlavour.Pi, TimeSpan.FromMinutes(10)) with { SlowDelay = TimeSpan.FromMinutes(10) };
        // The slow printer's requests outlast the test: it is stuck, not timing out.
        await using var rig = await PrusaBridgeRig.StartAsync(
            new PrusaRigPrinter("healthy", healthy),
            new PrusaRigPrinter("slow", slow, s => s with { RequestTimeout = TimeSpan.FromMinutes(15) }));
        await rig.WaitForAsync("healthy", "state", s => s.GetProperty("status").GetString() == "idle");
        await rig.WaitForAsync("slow", "state", s => s.GetProperty("status").GetString() == "idle");

        rig.Simulators["slow"].SetFault(PrusaFault.Slow);
        var faultSetAt = TimeProvider.System.GetUtcNow();
        var mark = rig.Mark;
        rig.Simulators["healthy"].StartJob();
        await rig.WaitForEventAsync("healthy", "job_finished", after: mark);

        var percents = rig.On("healthy", "progress", after: mark)
            .Select(m => m.Json.GetProperty("percent")).Where(p => p.ValueKind == JsonValueKind.Number).Select(p => p.GetDouble()).Distinct().ToArray();
        Assert.True(percents.Length >= 3, $"healthy printer's progress: {string.Join(", ", percents)}");
        // Every request the slow printer received since the fault is still waiting for its answer.
        Assert.DoesNotContain(rig.Simulators["slow"].RequestLog, r => r.ReceivedAt > faultSetAt);
        rig.AssertPoliteTo("healthy");
        rig.AssertPoliteTo("slow");
    }

    private static Task GoAwayAsync(PrusaLinkSimulator sim, string how)
    {
        if (how == "drop")
        {
            sim.SetFault(PrusaFault.Drop);
            return Task.CompletedTask;
        }

        return sim.StopAsync();
    }

    private static Task ComeBackAsync(PrusaLinkSimulator sim, string how)
    {
        if (how == "drop")
        {
            sim.SetFault(PrusaFault.None);
            return Task.CompletedTask;
        }

        return sim.RestartAsync();
    }
}
