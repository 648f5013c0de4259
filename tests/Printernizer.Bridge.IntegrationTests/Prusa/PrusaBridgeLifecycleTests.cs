using System.Globalization;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.IntegrationTests.Prusa;

/// <summary>A print from start to finish through the real bridge and a real broker.</summary>
public sealed class PrusaBridgeLifecycleTests
{
    [Theory]
    [InlineData("Buddy", "prusa-mk4", "MK4", "6.5.3+12780")]
    [InlineData("Pi", null, "MK3S", "3.14.1-8237")]
    public async Task Bridge_JobLifecycle_PublishesEveryTopicAndEventsInOrder(string flavour, string? hostname, string model, string firmware)
    {
        var options = PrusaBridgeConfig.Simulator(Enum.Parse<PrusaFlavour>(flavour), TimeSpan.FromSeconds(4), hostname);
        await using var rig = await PrusaBridgeRig.StartAsync(new PrusaRigPrinter("p1", options));
        var sim = rig.Simulators["p1"];
        await rig.WaitForAvailabilityAsync("p1", "online");
        await rig.WaitForAsync("p1", "state", s => s.GetProperty("status").GetString() == "idle");

        var jobId = sim.StartJob().ToString(CultureInfo.InvariantCulture);
        await rig.WaitForEventAsync("p1", "job_finished");
        sim.AcknowledgeEnd();
        await rig.WaitForAsync("p1", "state", s => s.GetProperty("status").GetString() == "idle", after: rig.Mark);

        Assert.Equal(["printer_online", "job_started", "job_finished"], rig.Events("p1"));
        var events = rig.On("p1", "event");
        Assert.All(events, e => Assert.False(e.Retain));
        Assert.Equal(jobId, events[1].Json.GetProperty("job").GetProperty("id").GetString());
        Assert.Equal("finished", events[2].Json.GetProperty("job").GetProperty("status").GetString());

        foreach (var name in (string[])["availability", "state", "temperature", "progress", "job", "filament"])
        {
            Assert.NotEmpty(rig.On("p1", name));
            Assert.All(rig.On("p1", name), m => Assert.True(m.Retain, $"{name} not retained"));
        }

        Assert.Equal("online", rig.On("p1", "availability").Last().Text);
        var state = rig.On("p1", "state").Last().Json;
        Assert.Equal((model, firmware, "available"), (state.GetProperty("model").GetString(), state.GetProperty("firmware").GetString(), state.GetProperty("control").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, state.GetProperty("error").ValueKind);

        var temperature = rig.On("p1", "temperature").Last().Json;
        Assert.Equal(System.Text.Json.JsonValueKind.Null, temperature.GetProperty("chamber").ValueKind);
        Assert.Contains(rig.On("p1", "temperature"), m => m.Json.GetProperty("nozzle").GetProperty("target").GetDouble() > 200);

        var percents = rig.On("p1", "progress").Select(m => m.Json.GetProperty("percent"))
            .Where(p => p.ValueKind == System.Text.Json.JsonValueKind.Number).Select(p => p.GetDouble()).ToArray();
        Assert.True(percents.Count(p => p is > 0 and < 100) >= 2, $"progress seen: {string.Join(", ", percents)}");
        Assert.Equal(percents.Order(), percents);
        Assert.Contains(100, percents);

        var job = rig.On("p1", "job").Last(m => m.Json.GetProperty("id").GetString() == jobId).Json;
        Assert.Equal((options.JobFileName, "finished"), (job.GetProperty("name").GetString(), job.GetProperty("status").GetString()));
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, job.GetProperty("started_at").ValueKind);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, job.GetProperty("finished_at").ValueKind);

        // Buddy: legacy telemetry.material; Pi: the job's slicer metadata.
        Assert.Equal("PLA", rig.On("p1", "filament").Last().Json.GetProperty("material").GetString());
        rig.AssertPoliteTo("p1");
    }
}
