using MQTTnet;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Publishing;
using Printernizer.Bridge.Publishing.Mqtt;

namespace Printernizer.Bridge.UnitTests.Publishing.Mqtt;

public sealed class MqttSocketBuffersTests
{
    private static readonly MqttSettings Plain = LocalBrokerSettings.Plain;

    [Fact]
    public void Create_PlainBroker_SocketBuffersAre256KiBNotMqttnets8KiB()
    {
        var options = MqttClientOptionsFactory.Create(Plain, new TopicLayout("printernizer", "homeassistant"));

        Assert.Equal(256 * 1024, Assert.IsType<MqttClientTcpOptions>(options.ChannelOptions).BufferSize);
    }

    [Fact]
    public void Create_TlsBroker_SocketBuffersAre256KiB()
    {
        var options = MqttClientOptionsFactory.Create(Plain with { UseTls = true, Port = 8883 }, new TopicLayout("printernizer", "homeassistant"));

        Assert.Equal(256 * 1024, Assert.IsType<MqttClientTcpOptions>(options.ChannelOptions).BufferSize);
    }

    [Fact]
    public void WithRoomySocketBuffers_DefaultOptions_ReplacesTheDefault()
    {
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", 1883).Build();
        var before = Assert.IsType<MqttClientTcpOptions>(options.ChannelOptions).BufferSize;

        options.WithRoomySocketBuffers();

        Assert.Equal(8192, before);
        Assert.Equal(MqttSocketBuffers.Bytes, ((MqttClientTcpOptions)options.ChannelOptions).BufferSize);
    }
}
