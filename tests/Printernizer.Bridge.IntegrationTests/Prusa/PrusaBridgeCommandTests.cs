using System.Text.Json;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.IntegrationTests.Prusa;

/// <summary>Commands on <c>printernizer/&lt;id&gt;/command</c>, through the bridge to the simulated printer and back.</summary>
public sealed class PrusaBridgeCommandTests
{
    [Theory]
    [InlineData("Buddy")]
    [InlineData("Pi")]
    public async Task Command_PauseResumeCancel_AnsweredOkAndVisibleInStateAndEvents(string flavour)
    {
        await using var rig = await StartPrintingAsync(flavour);
        var jobId = rig.Simulators["p1"].Snapshot.JobId;

        var pause = await rig.CommandAsync("p1", "pause");
        await rig.WaitForAsync("p1", "state", s => Status(s) == "paused");
        // The new state may reach the broker before the command's answer does.
        var beforeResume = rig.Mark;
        var resume = await rig.CommandAsync("p1", "resume");
        await rig.WaitForAsync("p1", "state", s => Status(s) == "printing", after: beforeResume);
        var cancel = await rig.CommandAsync("p1", "cancel");
        await rig.WaitForEventAsync("p1", "job_cancelled");

        Assert.All([pause, resume, cancel], r => Assert.Equal(("ok", JsonValueKind.Null), (r.GetProperty("status").GetString(), r.GetProperty("error").ValueKind)));
        Assert.Equal(["pause", "resume", "cancel"], new[] { pause, resume, cancel }.Select(r => r.GetProperty("command").GetString()));
        Assert.Equal(["printer_online", "job_started", "job_paused", "job_resumed", "job_cancelled"], rig.Events("p1"));
        var job = rig.On("p1", "job").Last().Json;
        Assert.Equal(($"{jobId}", "cancelled"), (job.GetProperty("id").GetString(), job.GetProperty("status").GetString()));
        var sent = rig.Simulators["p1"].RequestLog.Where(r => r.Method is "PUT" or "DELETE").Select(r => $"{r.Method} {r.Target} {r.Status}");
        Assert.Equal([$"PUT /api/v1/job/{jobId}/pause 204", $"PUT /api/v1/job/{jobId}/resume 204", $"DELETE /api/v1/job/{jobId} 204"], sent);
        rig.AssertPoliteTo("p1");
    }

    [Theory]
    [InlineData("Buddy", "nothing to resume")]
    [InlineData("Pi", "nothing to resume: Printer Is Not Paused")]
    public async Task Command_ResumeWhilePrinting_PrinterAnswers409AndResultIsAClearError(string flavour, string expected)
    {
        await using var rig = await StartPrintingAsync(flavour);

        var result = await rig.CommandAsync("p1", "resume");

        Assert.Equal(("resume", "error", expected), (result.GetProperty("command").GetString(), result.GetProperty("status").GetString(), result.GetProperty("error").GetString()));
        Assert.Contains(rig.Simulators["p1"].RequestLog, r => r is { Method: "PUT", Status: 409 });
        Assert.Equal(["printer_online", "job_started"], rig.Events("p1"));
        rig.AssertPoliteTo("p1");
    }

    [Fact]
    public async Task Command_WhilePaused_NothingIsRepublishedAndTheJobIsNotRefetched()
    {
        await using var rig = await StartPrintingAsync("Buddy");
        var sim = rig.Simulators["p1"];
        await rig.CommandAsync("p1", "pause");
        await rig.WaitForAsync("p1", "state", s => Status(s) == "paused");
        // The job's cover is fetched once (its own /api/v1/job and /thumb requests) by the cover
        // publisher, which looks every second: on a loaded machine that can come after the fast polls.
        await rig.WaitForAsync(m => m.Topic == "printernizer/p1/thumbnail" && m.Payload.Length > 0, "the job's cover");
        // The fast window after the command settles first; from here on every poll sees the same printer.
        await WaitForRequestsAsync(sim, "/api/v1/status", 3);
        var mark = rig.Mark;
        var logMark = sim.RequestLog.Count;

        await WaitForRequestsAsync(sim, "/api/v1/status", 8);

        var polls = sim.RequestLog.Skip(logMark).ToArray();
        Assert.True(polls.Count(r => r.Target == "/api/v1/status") >= 8);
        Assert.DoesNotContain(polls, r => r.Target == "/api/v1/job");
        Assert.DoesNotContain(rig.Capture.Messages.Skip(mark), m => m.Topic.StartsWith("printernizer/p1/", StringComparison.Ordinal));
        rig.AssertPoliteTo("p1");
    }

    private static async Task<PrusaBridgeRig> StartPrintingAsync(string flavour)
    {
        var options = PrusaBridgeConfig.Simulator(Enum.Parse<PrusaFlavour>(flavour), TimeSpan.FromMinutes(10));
        var rig = await PrusaBridgeRig.StartAsync(new PrusaRigPrinter("p1", options));
        await rig.WaitForAsync(m => m.Topic == "printernizer/bridge/info", "bridge connected");
        await rig.WaitForAvailabilityAsync("p1", "online");
        rig.Simulators["p1"].StartJob();
        await rig.WaitForEventAsync("p1", "job_started");
        return rig;
    }

    private static async Task WaitForRequestsAsync(PrusaLinkSimulator sim, string target, int count)
    {
        var from = sim.RequestLog.Count;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (sim.RequestLog.Skip(from).Count(r => r.Target == target) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"fewer than {count} requests for {target}");
            await Task.Delay(50);
        }
    }

    private static string? Status(JsonElement state) => state.GetProperty("status").GetString();
}
