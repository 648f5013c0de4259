namespace Printernizer.Bridge.HomeAssistant;

// Placeholder until the discovery builder lands (feat/discovery).
internal sealed record DiscoveryMessage(string Topic, string Payload, string Component, string DeviceId, string ObjectId);
