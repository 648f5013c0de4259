using System.Diagnostics;
using Printernizer.Bridge.FaultTests.Infrastructure;
using Printernizer.Bridge.IntegrationTests.Infrastructure;

namespace Printernizer.Bridge.FaultTests;

/// <summary>Scenarios 1 and 2: the local broker goes away and comes back without its retained messages.</summary>
public sealed class BrokerRestartTests : IAsyncLifetime
{
    private readonly ITestOutputHelper _output;
    private readonly string _stateDir = Directory.CreateTempSubdirectory("printernizer-fault-").FullName;
    private readonly List<MqttCapture> _captures = [];
    private TestBroker _broker = null!;
    private SmallFleet _fleet = null!;
    private FaultBridge _bridge = null!;

    public BrokerRestartTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public async Task InitializeAsync()
    {
        _broker = await TestBroker.StartAsync();
        _fleet = await SmallFleet.StartAsync();
        _bridge = await FaultBridge.StartAsync(FaultBridge.CreateConfig(_broker, _stateDir, _fleet.Definitions()), _output);
    }

    public async Task DisposeAsync()
    {
        await _bridge.DisposeAsync();
        SecretScan.AssertClean(_fleet.Secrets, _bridge.Logs.Lines, _captures.SelectMany(c => c.Messages));
        foreach (var capture in _captures)
        {
            await capture.DisposeAsync();
        }

        await _fleet.DisposeAsync();
        await _broker.DisposeAsync();
        Directory.Delete(_stateDir, recursive: true);
    }

    [Fact]
    public async Task BrokerStoppedTenSeconds_BridgeReconnectsRepublishesEverythingAndTakesCommands()
    {
        var before = await CaptureAsync();
        await WaitForFullPictureAsync(before);
        var retainedBefore = RetainedTopics(before);
        // elapsed_s moves in whole minutes on Prusa (a steady print must not republish every poll); percent moves every few seconds.
        var progressBefore = before.Last(Topics.Progress(SmallFleet.PrusaId))!.Json.GetProperty("percent").GetDouble();

        await _broker.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(10));
        var sinceStart = Stopwatch.StartNew();
        await _broker.StartAgainAsync();
        var after = await CaptureAsync();
        await after.WaitForAsync(Topics.BridgeState, "online", TimeSpan.FromSeconds(60));
        var reconnect = sinceStart.Elapsed;
        _output.WriteLine($"broker back -> bridge/state online seen after {reconnect.TotalSeconds:0.00} s");

        // Issue bound: within 5 s of the broker coming back; the slack absorbs a loaded machine.
        Assert.True(reconnect < TimeSpan.FromSeconds(5) + TimeSpan.FromSeconds(5), $"reconnect took {reconnect.TotalSeconds:0.0} s");

        // Everything retained before the outage is retained again on the wiped broker.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var fresh = await CaptureAsync();
        await Eventually.WaitAsync(() => retainedBefore.IsSubsetOf(RetainedTopics(fresh)), "every retained topic republished");
        var missing = retainedBefore.Except(RetainedTopics(fresh)).ToArray();
        Assert.Empty(missing);
        _output.WriteLine($"{retainedBefore.Count} retained topics before, {RetainedTopics(fresh).Count} after the restart");

        // The latest state is on the broker, not the one from before the outage.
        await Eventually.WaitAsync(
            () => fresh.Last(Topics.Progress(SmallFleet.PrusaId))?.Json.GetProperty("percent").GetDouble() > progressBefore,
            "progress newer than before the outage");
        var latestRetained = fresh.On(Topics.Progress(SmallFleet.PrusaId)).First(m => m.Retain).Json.GetProperty("percent").GetDouble();
        Assert.True(latestRetained > progressBefore, $"retained percent {latestRetained} <= {progressBefore} from before the outage");

        // A command after the reconnect works.
        await fresh.PublishAsync(Topics.Command(SmallFleet.BambuId), """{"command":"pause","transaction":"after-restart"}""");
        var result = await fresh.WaitForAsync(m => m.Topic == Topics.Result(SmallFleet.BambuId), "command result after reconnect");
        Assert.Equal("ok", result.Json.GetProperty("status").GetString());
        Assert.Equal("after-restart", result.Json.GetProperty("transaction").GetString());
    }

    [Fact]
    public async Task BrokerRestartedWithoutPersistence_TwiceInARow_RetainedTopicsRepopulatedEachTime()
    {
        var before = await CaptureAsync();
        await WaitForFullPictureAsync(before);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var retainedBefore = RetainedTopics(before);
        Assert.Contains(retainedBefore, t => t.StartsWith("homeassistant/", StringComparison.Ordinal));

        for (var round = 1; round <= 2; round++)
        {
            await _broker.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(1));
            await _broker.StartAgainAsync();
            var watch = Stopwatch.StartNew();

            // A subscriber that connects first sees an empty broker: persistence is off.
            var probe = await CaptureAsync();
            await Task.Delay(200);
            var wiped = RetainedTopics(probe).Count;

            var fresh = probe;
            await Eventually.WaitAsync(
                async () =>
                {
                    fresh = await CaptureAsync();
                    await Task.Delay(500);
                    return retainedBefore.IsSubsetOf(RetainedTopics(fresh));
                },
                $"round {round}: every retained topic back",
                TimeSpan.FromSeconds(60));
            _output.WriteLine($"round {round}: {wiped} retained topics right after the restart, all {retainedBefore.Count} back within {watch.Elapsed.TotalSeconds:0.0} s");
            Assert.Equal("online", fresh.On(Topics.BridgeState).Last(m => m.Retain).Text);
            Assert.All(_fleet.Ids, id => Assert.Equal("online", fresh.On(Topics.Availability(id)).Last(m => m.Retain).Text));
        }
    }

    private static HashSet<string> RetainedTopics(MqttCapture capture) =>
        capture.Messages.Where(m => m.Retain && m.Payload.Length > 0).Select(m => m.Topic).ToHashSet(StringComparer.Ordinal);

    private async Task<MqttCapture> CaptureAsync()
    {
        var capture = await MqttCapture.ConnectAsync(_broker, "printernizer/#", "homeassistant/#");
        _captures.Add(capture);
        return capture;
    }

    private async Task WaitForFullPictureAsync(MqttCapture capture)
    {
        await capture.WaitForAsync(Topics.BridgeState, "online");
        foreach (var id in _fleet.Ids)
        {
            await capture.WaitForAsync(Topics.Availability(id), "online");
            await capture.WaitForAsync(m => m.Topic == Topics.Progress(id), $"progress of {id}");
            await capture.WaitForAsync(m => m.Topic == Topics.Job(id), $"job of {id}");
        }
    }
}
