using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Publishing.Payloads;

namespace Printernizer.Bridge.Publishing;

/// <summary><c>bridge/info</c>: version, start time, printers and broker. Never a secret.</summary>
internal static class BridgeInfoPayload
{
    public static byte[] Create(BridgeConfig config, string version, DateTimeOffset startedAt) =>
        JsonPayload.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("version", version);
            w.Timestamp("started_at", startedAt);
            w.WriteStartArray("printers");
            foreach (var printer in config.Printers)
            {
                w.WriteStartObject();
                w.WriteString("id", printer.Id);
                w.WriteString("name", printer.Name);
                w.WriteString("type", printer.Type);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("broker", BrokerDescription(config.Mqtt));
            w.WriteString("base_topic", config.Mqtt.BaseTopic);
            w.WriteBoolean("control", config.Control);
            w.WriteEndObject();
        });

    private static string BrokerDescription(MqttSettings mqtt) =>
        mqtt.Embedded ? $"embedded://{mqtt.Host}:{mqtt.Port}" : $"{(mqtt.UseTls ? "mqtts" : "mqtt")}://{mqtt.Host}:{mqtt.Port}";
}
