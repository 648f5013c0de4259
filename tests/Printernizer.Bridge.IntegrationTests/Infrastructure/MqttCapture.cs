using System.Buffers;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Printernizer.Bridge.Publishing.Mqtt;

namespace Printernizer.Bridge.IntegrationTests.Infrastructure;

/// <summary>
/// A subscriber that records everything under the filters it was given (retain flags as
/// published), and can publish like a user's script or Home Assistant would.
/// </summary>
public sealed class MqttCapture : IAsyncDisposable
{
    private static readonly TimeSpan FullScanInterval = TimeSpan.FromMilliseconds(200);

    private readonly IMqttClient _client;
    private readonly List<CapturedMessage> _messages = [];
    private readonly SemaphoreSlim _changed = new(0, int.MaxValue);

    private MqttCapture(IMqttClient client)
    {
        _client = client;
        _client.ApplicationMessageReceivedAsync += args =>
        {
            var m = args.ApplicationMessage;
            lock (_messages)
            {
                _messages.Add(new CapturedMessage(m.Topic, m.Payload.ToArray(), m.Retain, (int)m.QualityOfServiceLevel, m.CorrelationData));
            }

            _changed.Release();
            return Task.CompletedTask;
        };
    }

    public IReadOnlyList<CapturedMessage> Messages
    {
        get
        {
            lock (_messages)
            {
                return _messages.ToArray();
            }
        }
    }

    public static Task<MqttCapture> ConnectAsync(TestBroker broker, params string[] filters) =>
        ConnectAsync(broker.Host, broker.Port, filters);

    public static async Task<MqttCapture> ConnectAsync(string host, int port, params string[] filters)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var capture = new MqttCapture(client);
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId("test-capture-" + Guid.NewGuid().ToString("N")[..8])
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build()
            .WithRoomySocketBuffers();
        await client.ConnectAsync(options);
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in filters.Length == 0 ? ["#"] : filters)
        {
            subscribe.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce, noLocal: true, retainAsPublished: true, MqttRetainHandling.SendAtSubscribe);
        }

        await client.SubscribeAsync(subscribe.Build());
        return capture;
    }

    public IReadOnlyList<CapturedMessage> On(string topic) => Messages.Where(m => m.Topic == topic).ToArray();

    public CapturedMessage? Last(string topic) => Messages.LastOrDefault(m => m.Topic == topic);

    /// <summary>
    /// Waits until a message matching <paramref name="predicate"/> has arrived at index
    /// <paramref name="after"/> or later (a count of <see cref="Messages"/> taken earlier); fails
    /// the test after the timeout.
    /// </summary>
    /// <remarks>
    /// Each wake-up looks only at the messages that arrived since the last one (and at all of them
    /// every 200 ms, as before). Copying and rescanning the whole list per arriving message made a
    /// burst of 18,000 quadratic, under the lock the receive handler needs: on a busy machine the
    /// capture then fell minutes behind the broker (which, at its default queue limit, dropped
    /// messages for it).
    /// </remarks>
    public async Task<CapturedMessage> WaitForAsync(Func<CapturedMessage, bool> predicate, string what, TimeSpan? timeout = null, int after = 0)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        var scanned = after;
        var fullScanAt = DateTime.UtcNow + FullScanInterval;
        while (true)
        {
            if (DateTime.UtcNow >= fullScanAt)
            {
                // A predicate may depend on more than the message (a count, a mark): look at all again now and then.
                scanned = after;
                fullScanAt = DateTime.UtcNow + FullScanInterval;
            }

            CapturedMessage[] arrived;
            lock (_messages)
            {
                arrived = new CapturedMessage[Math.Max(0, _messages.Count - scanned)];
                _messages.CopyTo(scanned, arrived, 0, arrived.Length);
            }

            scanned += arrived.Length;
            var found = arrived.FirstOrDefault(predicate);
            if (found is not null)
            {
                return found;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                var seen = string.Join("\n", Messages.TakeLast(30).Select(m => $"  {m.Topic} [{(m.Retain ? "r" : "-")}] {m.Text}"));
                throw new TimeoutException($"Timed out waiting for {what}. Last messages:\n{seen}");
            }

            await _changed.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    public Task<CapturedMessage> WaitForAsync(string topic, string payload, TimeSpan? timeout = null) =>
        WaitForAsync(m => m.Topic == topic && m.Text == payload, $"'{payload}' on {topic}", timeout);

    public async Task PublishAsync(string topic, string payload, bool retain = false, string? responseTopic = null, byte[]? correlationData = null)
    {
        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (responseTopic is not null)
        {
            builder.WithResponseTopic(responseTopic);
        }

        if (correlationData is not null)
        {
            builder.WithCorrelationData(correlationData);
        }

        await _client.PublishAsync(builder.Build());
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
        }

        _client.Dispose();
        _changed.Dispose();
    }
}
