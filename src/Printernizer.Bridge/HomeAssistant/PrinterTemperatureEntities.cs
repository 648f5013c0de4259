using System.Text.Json.Nodes;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Publishing;

namespace Printernizer.Bridge.HomeAssistant;

/// <summary>Current and target temperatures from the temperature topic (SPEC §3.2).</summary>
internal static class PrinterTemperatureEntities
{
    public static IEnumerable<DiscoveryEntity> For(TopicLayout topics, string printerId, PrinterCapabilities capabilities)
    {
        var topic = topics.Temperature(printerId);
        yield return Sensor(topic, "nozzle", "current", "nozzle_temperature", "Nozzle temperature", "mdi:printer-3d-nozzle-heat");
        yield return Sensor(topic, "nozzle", "target", "nozzle_target_temperature", "Nozzle target temperature", "mdi:printer-3d-nozzle-heat");
        yield return Sensor(topic, "bed", "current", "bed_temperature", "Bed temperature", "mdi:radiator");
        yield return Sensor(topic, "bed", "target", "bed_target_temperature", "Bed target temperature", "mdi:radiator");
        if (capabilities.ChamberTemperature)
        {
            yield return Sensor(topic, "chamber", "current", "chamber_temperature", "Chamber temperature", "mdi:thermometer");
        }

        if (capabilities.ChamberTarget)
        {
            yield return Sensor(topic, "chamber", "target", "chamber_target_temperature", "Chamber target temperature", "mdi:thermometer");
        }
    }

    private static DiscoveryEntity Sensor(string topic, string sensor, string field, string objectId, string name, string icon) =>
        new("sensor", objectId, name, new JsonObject
        {
            ["state_topic"] = topic,
            ["value_template"] = ValueTemplates.NestedField(sensor, field),
            ["device_class"] = "temperature",
            ["state_class"] = "measurement",
            ["unit_of_measurement"] = "°C",
            ["suggested_display_precision"] = 1,
            ["icon"] = icon,
        });
}
