using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Bridge.Publishing;
using Printernizer.Bridge.Publishing.Mqtt;

namespace Printernizer.Bridge.IntegrationTests.Publishing;

/// <summary>The broker connection keeps several QoS 1 publishes in flight: order and delivery must not change.</summary>
public sealed class PipelinedPublishTests : IAsyncLifetime
{
    private const int Count = 600;
    private readonly string _stateDir = Directory.CreateTempSubdirectory("printernizer-state-").FullName;
    private TestBroker _broker = null!;
    private MqttCapture _capture = null!;

    public async Task InitializeAsync()
    {
        _broker = await TestBroker.StartAsync();
        _capture = await MqttCapture.ConnectAsync(_broker, "bench/#");
    }

    public async Task DisposeAsync()
    {
        await _capture.DisposeAsync();
        await _broker.DisposeAsync();
        Directory.Delete(_stateDir, recursive: true);
    }

    [Fact]
    public async Task Enqueue_BurstOnTwoTopics_EveryMessageArrivesInOrderPerTopic()
    {
        await using var connection = await StartAsync(_broker.Port);
        for (var i = 0; i < Count; i++)
        {
            connection.Enqueue(new OutgoingMessage(i % 2 == 0 ? "bench/a" : "bench/b", Payload(i), Retain: false));
        }

        await _capture.WaitForAsync(m => m.Topic == "bench/a" && m.Text == (Count - 2).ToString(CultureInfo.InvariantCulture), "last of a", TimeSpan.FromSeconds(30));
        await _capture.WaitForAsync(m => m.Topic == "bench/b" && m.Text == (Count - 1).ToString(CultureInfo.InvariantCulture), "last of b", TimeSpan.FromSeconds(30));
        Assert.Equal(Enumerable.Range(0, Count / 2).Select(i => 2 * i), Received("bench/a"));
        Assert.Equal(Enumerable.Range(0, Count / 2).Select(i => (2 * i) + 1), Received("bench/b"));
    }

    [Fact]
    public async Task Enqueue_ConnectionCutDuringBurst_EveryMessageArrivesAndTheLastIsLast()
    {
        var proxy = new TcpProxy(_broker.Port);
        await using (proxy)
        {
            await using var connection = await StartAsync(proxy.Port);
            for (var i = 0; i < Count; i++)
            {
                connection.Enqueue(new OutgoingMessage("bench/cut", Payload(i), Retain: false));
                if (i == Count / 3)
                {
                    proxy.Cut(refuseNew: false);
                }
            }

            var last = (Count - 1).ToString(CultureInfo.InvariantCulture);
            await _capture.WaitForAsync(m => m.Topic == "bench/cut" && m.Text == last, "the last message", TimeSpan.FromSeconds(30));
            var received = Received("bench/cut");
            Assert.Equal(Enumerable.Range(0, Count), received.Distinct().Order());
            Assert.Equal(Count - 1, received[^1]);
        }
    }

    private static byte[] Payload(int i) => Encoding.UTF8.GetBytes(i.ToString(CultureInfo.InvariantCulture));

    private List<int> Received(string topic) =>
        _capture.On(topic).Select(m => int.Parse(m.Text, CultureInfo.InvariantCulture)).ToList();

    private async Task<StartedConnection> StartAsync(int port)
    {
        var mqtt = BridgeTestHost.CreateConfig(_broker, _stateDir).Mqtt with { Port = port };
        var connection = new MqttBrokerConnection(mqtt, new TopicLayout(mqtt.BaseTopic, mqtt.DiscoveryPrefix), TimeProvider.System,
            NullLogger<MqttBrokerConnection>.Instance, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));
        await connection.StartAsync(CancellationToken.None);
        return new StartedConnection(connection);
    }

    private sealed class StartedConnection(MqttBrokerConnection connection) : IAsyncDisposable
    {
        public void Enqueue(OutgoingMessage message) => connection.Enqueue(message);

        public async ValueTask DisposeAsync()
        {
            await connection.StopAsync(CancellationToken.None);
            connection.Dispose();
        }
    }
}
