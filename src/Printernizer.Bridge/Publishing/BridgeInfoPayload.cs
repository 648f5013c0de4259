using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Observability;
using Printernizer.Bridge.Publishing.Payloads;

namespace Printernizer.Bridge.Publishing;

/// <summary>
/// <c>bridge/info</c>: version, start time and uptime, printers with their connection summary
/// and counters, and broker. Never a secret.
/// </summary>
internal static class BridgeInfoPayload
{
    public static byte[] Create(
        BridgeConfig config, string version, DateTimeOffset startedAt, DateTimeOffset now, IReadOnlyDictionary<string, PrinterDiagnostics> diagnostics) =>
        JsonPayload.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("version", version);
            w.Timestamp("started_at", startedAt);
            w.WriteNumber("uptime_s", Math.Max(0, (long)(now - startedAt).TotalSeconds));
            w.WriteStartArray("printers");
            foreach (var printer in config.Printers)
            {
                w.WriteStartObject();
                w.WriteString("id", printer.Id);
                w.WriteString("name", printer.Name);
                w.WriteString("type", printer.Type);
                if (diagnostics.TryGetValue(printer.Id, out var d))
                {
                    WriteDiagnostics(w, d);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("broker", BrokerDescription(config.Mqtt));
            w.WriteString("base_topic", config.Mqtt.BaseTopic);
            w.WriteBoolean("control", config.Control);
            w.WriteEndObject();
        });

    private static void WriteDiagnostics(System.Text.Json.Utf8JsonWriter w, PrinterDiagnostics d)
    {
        w.WriteStartObject("connection");
        w.WriteBoolean("online", d.Online);
        w.Timestamp("since", d.ConnectedSince);
        w.Timestamp("last_message_at", d.LastMessageAt);
        w.WriteEndObject();
        w.WriteStartObject("counters");
        w.WriteNumber("reports_received", d.ReportsReceived);
        w.WriteNumber("reports_rejected", d.ReportsRejected);
        w.WriteNumber("reconnects", d.Reconnects);
        w.WriteNumber("commands_ok", d.CommandsOk);
        w.WriteNumber("commands_failed", d.CommandsFailed);
        w.WriteEndObject();
    }

    private static string BrokerDescription(MqttSettings mqtt) =>
        mqtt.Embedded ? $"embedded://{mqtt.Host}:{mqtt.Port}" : $"{(mqtt.UseTls ? "mqtts" : "mqtt")}://{mqtt.Host}:{mqtt.Port}";
}
