using MQTTnet;

namespace Printernizer.Bridge.Publishing.Mqtt;

/// <summary>
/// Socket buffer sizes for every MQTTnet client: the broker connection, the Bambu printer sessions
/// (and the test and benchmark subscribers, which hit this first).
/// </summary>
/// <remarks>
/// MQTTnet always sets SO_RCVBUF and SO_SNDBUF to its <c>BufferSize</c>, 8 KiB by default, which the
/// kernel doubles to 16 KiB and which turns off its buffer auto-tuning. Over loopback (segments of
/// up to 64 KiB) a burst then overflows the 16 KiB receive buffer, the kernel drops the segments and
/// the sender waits for its retransmission timer (200 ms): a subscriber of a 1,100-printer fleet
/// received ~50 messages/s while 3.7 MB waited in Mosquitto's socket (<c>ss -tmi</c>: rb16384,
/// drops, retransmissions). Over a real network the small window also caps throughput. The kernel
/// only reserves buffer memory for data actually queued, so a larger limit costs nothing when idle.
/// </remarks>
internal static class MqttSocketBuffers
{
    /// <summary>The kernel's own default receive buffer (tcp_rmem) is 128 KiB; this is twice that.</summary>
    public const int Bytes = 256 * 1024;

    public static MqttClientOptions WithRoomySocketBuffers(this MqttClientOptions options)
    {
        if (options.ChannelOptions is MqttClientTcpOptions tcp)
        {
            tcp.BufferSize = Bytes;
        }

        return options;
    }
}
