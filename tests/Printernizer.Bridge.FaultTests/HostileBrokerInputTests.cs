using System.Text;
using Printernizer.Bridge.FaultTests.Infrastructure;
using Printernizer.Bridge.IntegrationTests.Infrastructure;

namespace Printernizer.Bridge.FaultTests;

/// <summary>Scenario 8: garbage on the command topics of the local broker.</summary>
public sealed class HostileBrokerInputTests : IAsyncLifetime
{
    private readonly ITestOutputHelper _output;
    private readonly string _stateDir = Directory.CreateTempSubdirectory("printernizer-fault-").FullName;
    private TestBroker _broker = null!;
    private SmallFleet _fleet = null!;

    public HostileBrokerInputTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public async Task InitializeAsync()
    {
        _broker = await TestBroker.StartAsync();
        _fleet = await SmallFleet.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _fleet.DisposeAsync();
        await _broker.DisposeAsync();
        Directory.Delete(_stateDir, recursive: true);
    }

    [Fact]
    public async Task GarbageOnCommandTopics_ErrorResultsOrIgnoredNeverACrashAndValidCommandsStillWork()
    {
        await using var capture = await MqttCapture.ConnectAsync(_broker, "printernizer/#");
        await using var bridge = await FaultBridge.StartAsync(FaultBridge.CreateConfig(_broker, _stateDir, _fleet.Definitions()), _output);
        await capture.WaitForAsync(m => m.Topic == Topics.Job(SmallFleet.BambuId), "x1c job");
        var sentBefore = _fleet.Bambu.PrintRequests;

        var random = new Random(8);
        var binary = new byte[512];
        random.NextBytes(binary);
        byte[][] garbage =
        [
            binary,
            Encoding.ASCII.GetBytes(new string('A', 200 * 1024)),
            Encoding.UTF8.GetBytes("{\"command\":"),
            Encoding.UTF8.GetBytes("{\"command\": 42, \"transaction\": {\"a\": 1}}"),
            Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)),
            Encoding.UTF8.GetBytes("{" + new string('x', 3000) + "}"),
            Encoding.UTF8.GetBytes("{\"command\":\"cancel\",\"transaction\":\"" + new string('t', 500) + "\"}"),
            Encoding.UTF8.GetBytes("{\"command\":\"cancel\",\"command\":\"pause\"}"[..20]),
            [0xFF, 0xFE, 0x00, 0x63, 0x61, 0x6E],
            Encoding.UTF8.GetBytes("cancel\u0000"),
            Encoding.UTF8.GetBytes("selfdestruct"),
        ];
        foreach (var payload in garbage)
        {
            await PublishRawAsync(capture, Topics.Command(SmallFleet.BambuId), payload);
        }

        // 1 MiB is over the packet size the bridge announces: the broker drops it before it reaches the bridge.
        await PublishRawAsync(capture, Topics.Command(SmallFleet.BambuId), Encoding.ASCII.GetBytes(new string('B', 1024 * 1024)));

        string[] unknown = ["ghost", "bridge", "X1C", "x1c-but-longer", "ü%2B*", "x1c "];
        foreach (var id in unknown)
        {
            await capture.PublishAsync(Topics.Command(id), "cancel");
        }

        string[] ignored = ["printernizer/x1c/extra/command", "printernizer//command", $"printernizer/{new string('a', 200)}/command", "printernizer/x1c/command/result/command"];
        foreach (var topic in ignored)
        {
            await capture.PublishAsync(topic, "cancel");
        }

        await Eventually.WaitAsync(() => capture.On(Topics.Result(SmallFleet.BambuId)).Count >= garbage.Length, "an answer to every garbage command");
        foreach (var id in unknown)
        {
            var answer = await capture.WaitForAsync(m => m.Topic == Topics.Result(id), $"answer for {id}");
            Assert.Contains($"unknown printer '{id}'", answer.Json.GetProperty("error").GetString());
        }

        // The bridge still does its job.
        await capture.PublishAsync(Topics.Command(SmallFleet.BambuId), """{"command":"pause","transaction":"still-alive"}""");
        var alive = await capture.WaitForAsync(m => m.Topic == Topics.Result(SmallFleet.BambuId) && m.Text.Contains("still-alive", StringComparison.Ordinal), "a valid command answered");
        await Task.Delay(TimeSpan.FromSeconds(2));
        await bridge.StopAsync();

        var results = capture.On(Topics.Result(SmallFleet.BambuId));
        foreach (var result in results)
        {
            _output.WriteLine($"{result.Payload.Length,5} bytes: {(result.Text.Length > 160 ? result.Text[..160] + "…" : result.Text)}");
        }

        Assert.Equal("ok", alive.Json.GetProperty("status").GetString());
        var oneMiBAnswered = results.Any(r => r.Text.Contains("too large (1048576 bytes)", StringComparison.Ordinal));
        Assert.Equal(garbage.Length + 1 + (oneMiBAnswered ? 1 : 0), results.Count);
        if (_broker.MosquittoPath is not null)
        {
            Assert.False(oneMiBAnswered, "Mosquitto forwarded a packet above the announced maximum");
        }
        Assert.All(results.SkipLast(1), r => Assert.Equal("error", r.Json.GetProperty("status").GetString()));
        Assert.All(results, r => Assert.True(r.Payload.Length < 1024, $"a {r.Payload.Length}-byte answer echoes too much"));
        Assert.Equal(1, _fleet.Bambu.PrintRequests - sentBefore);
        Assert.DoesNotContain(capture.Messages, m => ignored.Contains(m.Topic[..Math.Max(0, m.Topic.Length - "/result".Length)]));
        Assert.Empty(PublishedPayloadCheck.Problems(capture.Messages));
        Assert.DoesNotContain(bridge.Logs.Lines, l => l.Contains("handler failed", StringComparison.Ordinal) || l.Contains("[ERR]", StringComparison.Ordinal));
        SecretScan.AssertClean(_fleet.Secrets, bridge.Logs.Lines, capture.Messages);
    }

    private static async Task PublishRawAsync(MqttCapture capture, string topic, byte[] payload) =>
        await capture.PublishAsync(topic, Encoding.Latin1.GetString(payload));
}
