using System.Buffers;
using System.Diagnostics;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Printernizer.Bridge.IntegrationTests.Infrastructure;

namespace Printernizer.Bridge.FaultTests.Infrastructure;

/// <summary>A subscriber that records when each message arrived, for latency and interval figures.</summary>
internal sealed class TimedCapture : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly List<(TimeSpan At, string Topic, byte[] Payload)> _messages = [];
    private readonly Stopwatch _clock;

    private TimedCapture(Stopwatch clock)
    {
        _clock = clock;
        _client.ApplicationMessageReceivedAsync += args =>
        {
            lock (_messages)
            {
                _messages.Add((_clock.Elapsed, args.ApplicationMessage.Topic, args.ApplicationMessage.Payload.ToArray()));
            }

            return Task.CompletedTask;
        };
    }

    public IReadOnlyList<(TimeSpan At, string Topic, byte[] Payload)> Messages
    {
        get
        {
            lock (_messages)
            {
                return _messages.ToArray();
            }
        }
    }

    public static async Task<TimedCapture> ConnectAsync(TestBroker broker, Stopwatch clock, params string[] filters)
    {
        var capture = new TimedCapture(clock);
        await capture._client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId("timed-" + Guid.NewGuid().ToString("N")[..8])
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build());
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in filters)
        {
            subscribe.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        await capture._client.SubscribeAsync(subscribe.Build());
        return capture;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
        }

        _client.Dispose();
    }
}
