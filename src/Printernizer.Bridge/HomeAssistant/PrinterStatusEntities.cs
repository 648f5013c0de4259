using System.Text.Json.Nodes;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Publishing;

namespace Printernizer.Bridge.HomeAssistant;

/// <summary>Status, error, HMS and reachability: the entities fed by the state and availability topics.</summary>
internal static class PrinterStatusEntities
{
    public static IEnumerable<DiscoveryEntity> For(TopicLayout topics, string printerId, PrinterCapabilities capabilities)
    {
        var state = topics.State(printerId);

        // The status is what the printer is about, so it carries the device's name alone.
        yield return new DiscoveryEntity("sensor", "status", null, new JsonObject
        {
            ["state_topic"] = state,
            ["value_template"] = ValueTemplates.Field("status"),
            ["device_class"] = "enum",
            ["options"] = new JsonArray(PrinterStatusExtensions.AllWireValues.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
            ["icon"] = "mdi:printer-3d",
        });

        yield return new DiscoveryEntity("sensor", "error", "Error", new JsonObject
        {
            ["state_topic"] = state,
            ["value_template"] = ValueTemplates.Error,
            ["entity_category"] = "diagnostic",
            ["icon"] = "mdi:alert-circle-outline",
        });

        if (capabilities.Hms)
        {
            yield return new DiscoveryEntity("sensor", "hms_count", "HMS messages", new JsonObject
            {
                ["state_topic"] = state,
                ["value_template"] = ValueTemplates.HmsCount,
                ["state_class"] = "measurement",
                ["json_attributes_topic"] = state,
                ["json_attributes_template"] = ValueTemplates.HmsAttributes,
                ["entity_category"] = "diagnostic",
                ["icon"] = "mdi:alert-outline",
            });
        }

        yield return new DiscoveryEntity("binary_sensor", "online", "Online", new JsonObject
        {
            ["state_topic"] = topics.Availability(printerId),
            ["payload_on"] = "online",
            ["payload_off"] = "offline",
            ["device_class"] = "connectivity",
            ["entity_category"] = "diagnostic",
        }, EntityAvailability.BridgeOnly);
    }
}
