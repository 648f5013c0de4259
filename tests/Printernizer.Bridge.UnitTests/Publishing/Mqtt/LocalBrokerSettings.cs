using Printernizer.Bridge.Configuration;

namespace Printernizer.Bridge.UnitTests.Publishing.Mqtt;

/// <summary>A plain broker on localhost, as the unit tests of the broker side configure it.</summary>
internal static class LocalBrokerSettings
{
    public static MqttSettings Plain { get; } = new(
        "mqtt://127.0.0.1:1883", Embedded: false, "127.0.0.1", 1883, UseTls: false, CaFile: null, TlsInsecure: false,
        Username: null, Password: null, "printernizer", "homeassistant", "printernizer-test", Discovery: false);
}
