using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Exceptions;
using NSubstitute;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Publishing;
using Printernizer.Bridge.Publishing.Mqtt;
using Xunit;

namespace Printernizer.Bridge.UnitTests.Publishing.Mqtt;

public sealed class MqttBrokerConnectionSendTests
{
    private static readonly MqttSettings Settings = LocalBrokerSettings.Plain;

    [Fact]
    public async Task Enqueue_PublishThrowsSynchronously_LaterMessagesStillGoOut()
    {
        // MQTTnet throws "not connected" from PublishAsync itself (not from the task) when the
        // connection drops between the bridge's check and the call; that once ended the send loop.
        var client = Substitute.For<IMqttClient>();
        client.IsConnected.Returns(true);
        client.ConnectAsync(Arg.Any<MqttClientOptions>(), Arg.Any<CancellationToken>()).Returns(new MqttClientConnectResult());
        var published = new List<string>();
        var threwOnce = false;
        var allSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.PublishAsync(Arg.Any<MqttApplicationMessage>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            var topic = call.Arg<MqttApplicationMessage>().Topic;
            if (topic == "printernizer/a/state" && !threwOnce)
            {
                threwOnce = true;
                throw new MqttClientNotConnectedException();
            }

            lock (published)
            {
                published.Add(topic);
                if (published.Contains("printernizer/a/state") && published.Contains("printernizer/b/state"))
                {
                    allSent.TrySetResult();
                }
            }

            return Task.FromResult(new MqttClientPublishResult(null, MqttClientPublishReasonCode.Success, null, []));
        });

        using var connection = new MqttBrokerConnection(
            Settings, new TopicLayout("printernizer", "homeassistant"), TimeProvider.System, NullLogger<MqttBrokerConnection>.Instance,
            TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50), client: client);
        await connection.StartAsync(CancellationToken.None);
        connection.Enqueue(new OutgoingMessage("printernizer/a/state", "{}"u8.ToArray(), Retain: true));
        connection.Enqueue(new OutgoingMessage("printernizer/b/state", "{}"u8.ToArray(), Retain: true));

        await allSent.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(threwOnce);
        await connection.StopAsync(CancellationToken.None);
    }
}
