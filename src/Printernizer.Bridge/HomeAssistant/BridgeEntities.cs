using System.Text.Json.Nodes;
using Printernizer.Bridge.Publishing;

namespace Printernizer.Bridge.HomeAssistant;

/// <summary>The bridge device's own entities.</summary>
internal static class BridgeEntities
{
    public static IEnumerable<DiscoveryEntity> For(TopicLayout topics)
    {
        // No availability: the bridge state is both the value and the last will, so only
        // without availability can this entity show "disconnected" when the bridge dies.
        yield return new DiscoveryEntity("binary_sensor", "connection", "Connection", new JsonObject
        {
            ["state_topic"] = topics.BridgeState,
            ["payload_on"] = "online",
            ["payload_off"] = "offline",
            ["device_class"] = "connectivity",
            ["entity_category"] = "diagnostic",
        }, EntityAvailability.None);
    }
}
