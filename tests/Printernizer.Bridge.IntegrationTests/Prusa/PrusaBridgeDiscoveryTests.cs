using Printernizer.Bridge.TestSupport;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.IntegrationTests.Prusa;

/// <summary>Everything the bridge publishes for an MK4 (Buddy) and an MK3S (Pi), checked as Home Assistant would.</summary>
public sealed class PrusaBridgeDiscoveryTests
{
    [Fact]
    public async Task Bridge_Mk4AndMk3sThroughALifecycle_PassTheValidatorStrict()
    {
        var mk4 = PrusaBridgeConfig.Simulator(PrusaFlavour.Buddy, TimeSpan.FromSeconds(5), hostname: "prusa-mk4");
        var mk3s = PrusaBridgeConfig.Simulator(PrusaFlavour.Pi, TimeSpan.FromSeconds(8));
        await using var rig = await PrusaBridgeRig.StartAsync(new PrusaRigPrinter("mk4", mk4), new PrusaRigPrinter("mk3s", mk3s));
        await rig.WaitForAsync(m => m.Topic == "printernizer/bridge/info", "bridge connected");
        await rig.WaitForAvailabilityAsync("mk4", "online");
        await rig.WaitForAvailabilityAsync("mk3s", "online");

        rig.Simulators["mk4"].StartJob();
        rig.Simulators["mk3s"].StartJob();
        await rig.WaitForEventAsync("mk3s", "job_started");
        Assert.Equal("ok", (await rig.CommandAsync("mk3s", "pause")).GetProperty("status").GetString());
        Assert.Equal("ok", (await rig.CommandAsync("mk3s", "resume")).GetProperty("status").GetString());
        await rig.WaitForEventAsync("mk4", "job_finished");
        await rig.WaitForEventAsync("mk3s", "job_finished");
        await rig.StopBridgeAsync();
        await rig.Capture.WaitForAsync("printernizer/bridge/state", "offline");

        var messages = rig.Capture.Messages
            .Where(m => !m.Topic.EndsWith("/command", StringComparison.Ordinal))
            .Select(m => new ValidatorMessage(m.Topic, m.Text, m.Retain, m.Qos))
            .ToArray();
        var report = await DiscoveryValidator.RunAsync(messages);

        foreach (var (id, model) in new[] { ("mk4", "MK4"), ("mk3s", "MK3S") })
        {
            Assert.Contains(messages, m => m.Topic == $"homeassistant/sensor/printernizer_{id}/status/config");
            Assert.Contains(messages, m => m.Topic == $"homeassistant/event/printernizer_{id}/job_event/config");
            Assert.Contains(messages, m => m.Topic == $"printernizer/{id}/filament");
            Assert.Equal(model, rig.On(id, "state").Last().Json.GetProperty("model").GetString());
            // Prusa reports neither layers nor a chamber: those entities are not announced.
            Assert.DoesNotContain(messages, m => m.Topic == $"homeassistant/sensor/printernizer_{id}/chamber_temperature/config");
            Assert.DoesNotContain(messages, m => m.Topic == $"homeassistant/sensor/printernizer_{id}/current_layer/config");
        }

        Assert.True(report.ExitCode == 0, report.Output);
        Assert.Empty(report.Problems);
        Assert.EndsWith("0 failed", report.Summary);
    }
}
