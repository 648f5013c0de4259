using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Printers.Bambu;
using Printernizer.Simulators.Bambu;

namespace Printernizer.Bridge.IntegrationTests.Bambu;

/// <summary>A printer sending garbage: every kind is counted, nothing crashes, no bad value reaches the state.</summary>
public sealed class BambuHostileInputTests
{
    [Fact]
    public async Task RunAsync_MalformedPayloads_AreCountedAndNeverProduceBadState()
    {
        await using var harness = await BambuAdapterHarness.StartAsync(new BambuSimulatorOptions
        {
            Profile = BambuSimulatorProfile.X1C,
            JobDuration = TimeSpan.FromMinutes(10),
            Tick = TimeSpan.FromMilliseconds(100),
        });
        await harness.WaitOnlineAsync();
        harness.Simulator.StartJob("sane_job");
        await harness.Sink.WaitForAsync(s => s.Job.Name == "sane_job", "job seen");

        harness.Simulator.SetFault(BambuSimulatorFault.Malformed);
        var faults = harness.Adapter.InputFaults;
        await WaitUntilAsync(() => Enum.GetValues<BambuInputFault>().All(k => faults.Count(k) > 0), () =>
            string.Join(", ", Enum.GetValues<BambuInputFault>().Select(k => $"{k}={faults.Count(k)}")));
        harness.Simulator.SetFault(BambuSimulatorFault.None);
        var recovered = await harness.Sink.WaitForAsync(s => s.Job.Name == "sane_job", "good reports again");

        var withData = harness.Sink.States.Where(s => s.HasData).ToList();
        Assert.All(withData, s =>
        {
            Assert.True(s.Online);
            Assert.True(s.Status is PrinterStatus.Idle or PrinterStatus.Preparing or PrinterStatus.Printing, $"status {s.Status}");
            Assert.NotNull(s.Temperatures.Nozzle?.Current);
            Assert.InRange(s.Progress.Percent!.Value, 0, 100);
            Assert.True(s.Job.Name is null or "sane_job" or BambuHostilePayloads.Latin1JobName, $"job name {s.Job.Name?.Length} chars");
        });
        Assert.Contains(withData, s => s.Job.Name == BambuHostilePayloads.Latin1JobName);
        Assert.Equal(1, harness.Logs.Lines.Count(l => l.Message.Contains("(InvalidJson)", StringComparison.Ordinal)));
        Assert.True(recovered.Online);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Func<string> describe)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException("not every fault kind was counted: " + describe());
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }
}
