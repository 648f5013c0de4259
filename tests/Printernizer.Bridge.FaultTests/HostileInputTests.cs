using System.Diagnostics;
using Printernizer.Bridge.FaultTests.Infrastructure;
using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Bridge.Printers.Bambu;
using Printernizer.Simulators.Bambu;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.FaultTests;

/// <summary>Scenario 7: a printer sends 10,000 mutated reports while two others keep printing.</summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private const int Payloads = 10_000;
    private const int Seed = 20261125;

    private readonly ITestOutputHelper _output;
    private readonly string _stateDir = Directory.CreateTempSubdirectory("printernizer-fault-").FullName;
    private TestBroker _broker = null!;

    public HostileInputTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public async Task InitializeAsync() => _broker = await TestBroker.StartAsync();

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        Directory.Delete(_stateDir, recursive: true);
    }

    [Fact]
    public async Task TenThousandMutatedReports_NoCrashBoundedMemoryOthersUnaffectedNothingMalformedPublished()
    {
        await using var hostile = await BambuSimulator.StartAsync(SimulatedPrinters.BambuOptions(7) with { Tick = TimeSpan.FromSeconds(5) });
        await using var healthyBambu = await BambuSimulator.StartAsync(SimulatedPrinters.BambuOptions(8, profile: BambuSimulatorProfile.P1S));
        await using var healthyPrusa = await PrusaLinkSimulator.StartAsync(SimulatedPrinters.PrusaOptions(8));
        healthyBambu.StartJob("steady");
        healthyPrusa.StartJob();
        await using var capture = await MqttCapture.ConnectAsync(_broker, "printernizer/#", "homeassistant/#");
        await using var bridge = await FaultBridge.StartAsync(FaultBridge.CreateConfig(_broker, _stateDir, [
            SimulatedPrinters.Bambu("hostile", hostile, watchdog: TimeSpan.FromSeconds(120)),
            SimulatedPrinters.Bambu("p1s", healthyBambu),
            SimulatedPrinters.Prusa("mk4", healthyPrusa),
        ]));
        foreach (var id in new[] { "hostile", "p1s", "mk4" })
        {
            await capture.WaitForAsync(Topics.Availability(id), "online");
            await capture.WaitForAsync(m => m.Topic == Topics.Progress(id), $"progress of {id}");
        }

        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var rssBefore = Process.GetCurrentProcess().WorkingSet64;
        var mutator = new PayloadMutator(Seed);
        var kinds = new Dictionary<string, int>();
        var watch = Stopwatch.StartNew();
        var healthyBefore = HealthyUpdates(capture);
        for (var i = 0; i < Payloads; i++)
        {
            await hostile.PublishRawAsync(mutator.Next(i));
            kinds[mutator.LastKind] = kinds.GetValueOrDefault(mutator.LastKind) + 1;
            if (i % 250 == 0)
            {
                // Let the bridge keep up, as a real link would: a printer cannot push faster than its network.
                await Task.Delay(50);
            }
        }

        // The session's queue is in order: once the drop that follows the barrage is reported, every payload was read.
        // Asserted on the bridge's own record of what it published: what the test's subscriber sees
        // after the ~18,000-message burst measures the subscriber's socket, not the bridge (with
        // MQTTnet's 16 KiB socket buffers it crawled at ~40 messages/s; see MqttSocketBuffers).
        var published = PublishedEvents(bridge);
        await hostile.DropClientsAsync();
        await WaitForEventAsync(bridge, published, "printer_offline", "the hostile printer's drop after the barrage");
        var barrage = watch.Elapsed;
        await WaitForEventAsync(bridge, published, "printer_online", "the hostile printer back online after the drop");
        _output.WriteLine($"hostile printer offline after its drop and back online at {watch.Elapsed.TotalSeconds:0.0} s");

        var healthyDuring = HealthyUpdates(capture) - healthyBefore;
        var managedAfter = GC.GetTotalMemory(forceFullCollection: true);
        var rssAfter = Process.GetCurrentProcess().WorkingSet64;

        Assert.True(bridge.Fleet.TryGet("hostile", out var handle));
        var counter = ((BambuPrinterAdapter)handle.Adapter).InputFaults;
        var counts = Enum.GetValues<BambuInputFault>().ToDictionary(k => k, counter.Count);
        var logged = bridge.Logs.Lines.Where(l => l.Contains("sent bad input", StringComparison.Ordinal)).ToArray();
        await bridge.StopAsync();

        _output.WriteLine($"{Payloads} payloads ({string.Join(", ", kinds.Select(k => $"{k.Key} {k.Value}"))}) handled in {barrage.TotalSeconds:0.0} s");
        _output.WriteLine($"bad input counted: {string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))}; logged once per kind: {logged.Length} lines");
        foreach (var line in logged)
        {
            _output.WriteLine("  " + line.TrimEnd());
        }

        _output.WriteLine($"managed heap after full GC: {managedBefore / 1048576.0:0.0} MiB before, {managedAfter / 1048576.0:0.0} MiB after; RSS {rssBefore / 1048576.0:0} -> {rssAfter / 1048576.0:0} MiB");
        _output.WriteLine($"healthy printers published {healthyDuring} progress updates during the barrage; {capture.Messages.Count} messages checked");

        Assert.False(handle.Adapter is null);
        Assert.True(managedAfter - managedBefore < 64L * 1024 * 1024, $"managed heap grew by {(managedAfter - managedBefore) / 1048576.0:0.0} MiB");
        Assert.True(healthyDuring >= barrage.TotalSeconds / 4, $"healthy printers published only {healthyDuring} updates in {barrage.TotalSeconds:0} s");
        var problems = PublishedPayloadCheck.Problems(capture.Messages);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct().Take(30)));
        foreach (var fault in new[] { BambuInputFault.InvalidJson, BambuInputFault.NonUtf8, BambuInputFault.TooLarge, BambuInputFault.TooDeep })
        {
            Assert.True(counts[fault] > 0, $"{fault} not counted");
            Assert.Single(logged, l => l.Contains($"\"{fault}\"", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(bridge.Logs.Lines, l => l.Contains("connection loop failed", StringComparison.Ordinal) || l.Contains("Publishing failed", StringComparison.Ordinal));
        SecretScan.AssertClean([hostile.AccessCode, healthyBambu.AccessCode, healthyPrusa.Options.Password], bridge.Logs.Lines, capture.Messages);
    }

    /// <summary>
    /// Waits until the bridge has published <paramref name="eventType"/> for the hostile printer
    /// after the first <paramref name="from"/> of its events; on a timeout the failure carries the
    /// bridge's last lines for that printer and the broker's log.
    /// </summary>
    private async Task WaitForEventAsync(FaultBridge bridge, int from, string eventType, string what)
    {
        try
        {
            await Eventually.WaitAsync(
                () => bridge.Logs.Lines.Where(IsHostileEvent).Skip(from).Any(l => l.Contains("Printer hostile: " + eventType, StringComparison.Ordinal)),
                what, TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException ex)
        {
            var bridgeLines = bridge.Logs.Lines.Where(l => l.Contains("hostile", StringComparison.Ordinal)).TakeLast(15);
            throw new TimeoutException(
                $"{ex.Message}\nbridge:\n  {string.Join("\n  ", bridgeLines.Select(l => l.TrimEnd()))}\nbroker:\n  {string.Join("\n  ", _broker.Log.TakeLast(10))}", ex);
        }
    }

    private static int PublishedEvents(FaultBridge bridge) => bridge.Logs.Lines.Count(IsHostileEvent);

    /// <summary>The publisher's line for an event it published (<c>Printer hostile: job_started</c>).</summary>
    private static bool IsHostileEvent(string line) =>
        line.Contains("BridgePublisher: Printer hostile: ", StringComparison.Ordinal);

    private static int HealthyUpdates(MqttCapture capture) =>
        capture.Messages.Count(m => m.Topic == Topics.Progress("p1s") || m.Topic == Topics.Progress("mk4"));
}
