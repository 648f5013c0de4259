using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Printernizer.Bridge.Publishing.Mqtt;

namespace Printernizer.Bridge.Benchmarks.Fleet;

/// <summary>
/// Watches everything the bridge publishes: when each printer came online and was discovered,
/// how many messages arrived, and the latency of every Bambu progress message (its layer is
/// the simulator's send time, <see cref="Simulators.Bambu.LatencyStamp"/>).
/// </summary>
internal sealed class FleetSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly long _epoch;
    private readonly ConcurrentDictionary<string, bool> _online = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _discovered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _lastLayer = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _perTopic = new(StringComparer.Ordinal);
    private readonly List<double> _latencies = [];
    private long _messages;
    private long _bambuStamps;
    private volatile bool _recording;

    public FleetSubscriber(long epoch)
    {
        _epoch = epoch;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            OnMessage(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload, e.ApplicationMessage.Retain);
            return Task.CompletedTask;
        };
    }

    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>New latency stamps seen: one per report when every report carries a new stamp (peak).</summary>
    public long BambuStamps => Interlocked.Read(ref _bambuStamps);

    public int OnlineCount => _online.Count;

    /// <summary>False once the broker dropped the subscriber: the run's message counts are then incomplete.</summary>
    public bool IsConnected => _client.IsConnected;

    /// <summary>Messages per last topic level (<c>progress</c>, <c>temperature</c>, <c>config</c>, ...).</summary>
    public IReadOnlyDictionary<string, long> PerTopic => new Dictionary<string, long>(_perTopic, StringComparer.Ordinal);

    public int DiscoveredCount => _discovered.Count;

    public async Task ConnectAsync(Uri broker)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId($"printernizer-bench-{Environment.ProcessId}")
            .WithCleanSession(true)

            // A starved benchmark process must not be dropped by the broker for a late PINGREQ.
            .WithKeepAlivePeriod(TimeSpan.Zero)
            .Build()

            // With MQTTnet's 16 KiB socket buffers this subscriber fell to ~50 messages/s after the
            // start-up burst, and "online and discovered" measured the subscriber, not the bridge.
            .WithRoomySocketBuffers();
        await _client.ConnectAsync(options).ConfigureAwait(false);
        // QoS 1: at QoS 0 Mosquitto dropped most of a fleet's start-up burst on the way to this
        // subscriber (the bridge had sent 14,000 messages, 1,600 arrived), so "online and
        // discovered" took minutes that the bridge did not.
        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter("printernizer/#", MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter("homeassistant/#", MqttQualityOfServiceLevel.AtLeastOnce)
            .Build()).ConfigureAwait(false);
    }

    /// <summary>Starts a new latency window; returns the samples of the previous one (milliseconds).</summary>
    public List<double> Record(bool on)
    {
        lock (_latencies)
        {
            var samples = new List<double>(_latencies);
            _latencies.Clear();
            _recording = on;
            return samples;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync().ConfigureAwait(false);
        }

        _client.Dispose();
    }

    private void OnMessage(string topic, System.Buffers.ReadOnlySequence<byte> payload, bool retained)
    {
        if (retained)
        {
            return;
        }

        Interlocked.Increment(ref _messages);
        var parts = topic.Split('/');
        _perTopic.AddOrUpdate(parts[^1], 1, (_, n) => n + 1);
        if (parts is ["printernizer", var id, "availability"] && payload.FirstSpan.SequenceEqual("online"u8))
        {
            _online.TryAdd(id, true);
        }
        else if (parts is ["homeassistant", "sensor", var node, "status", "config"] && !payload.IsEmpty)
        {
            _discovered.TryAdd(node["printernizer_".Length..], true);
        }
        else if (parts is ["printernizer", var printer, "progress"] && printer.StartsWith("bambu", StringComparison.Ordinal))
        {
            var now = Stopwatch.GetTimestamp();

            // Progress also changes when only elapsed_s ticks: a sample is taken only when the stamp is new.
            if (Layer(payload) is not { } sent || _lastLayer.GetValueOrDefault(printer) == sent)
            {
                return;
            }

            _lastLayer[printer] = sent;
            Interlocked.Increment(ref _bambuStamps);
            if (_recording)
            {
                var latency = ((now - _epoch) * 1_000_000.0 / Stopwatch.Frequency - sent) / 1000;
                lock (_latencies)
                {
                    _latencies.Add(latency);
                }
            }
        }
    }

    private static long? Layer(System.Buffers.ReadOnlySequence<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("layer"u8))
            {
                reader.Read();
                return reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : null;
            }
        }

        return null;
    }
}
