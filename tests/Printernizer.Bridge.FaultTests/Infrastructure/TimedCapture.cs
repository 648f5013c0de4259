using System.Buffers;
using System.Diagnostics;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Bridge.Publishing.Mqtt;

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

    public static Task<TimedCapture> ConnectAsync(TestBroker broker, Stopwatch clock, params string[] filters) =>
        ConnectAsync(broker, clock, null, filters);

    public static async Task<TimedCapture> ConnectAsync(TestBroker broker, Stopwatch clock, (string User, string Password)? credentials, params string[] filters)
    {
        var capture = new TimedCapture(clock);
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId("timed-" + Guid.NewGuid().ToString("N")[..8])
            .WithProtocolVersion(MqttProtocolVersion.V500);
        if (credentials is { } c)
        {
            options.WithCredentials(c.User, c.Password);
        }

        await capture._client.ConnectAsync(options.Build().WithRoomySocketBuffers());
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in filters)
        {
            subscribe.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        await capture._client.SubscribeAsync(subscribe.Build());
        return capture;
    }

    /// <summary>The messages in the shape the integration helpers use (retain flag not recorded).</summary>
    public IReadOnlyList<CapturedMessage> AsCaptured() => Messages.Select(m => new CapturedMessage(m.Topic, m.Payload, false, 1, null)).ToArray();

    public string? LastText(string topic)
    {
        var last = Messages.LastOrDefault(m => m.Topic == topic);
        return last.Payload is null ? null : System.Text.Encoding.UTF8.GetString(last.Payload);
    }

    public async Task PublishAsync(string topic, string payload) =>
        await _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
        }

        _client.Dispose();
    }
}
