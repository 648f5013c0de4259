namespace Printernizer.Bridge.HomeAssistant;

/// <summary>
/// One Home Assistant discovery config, ready to publish retained with QoS 1.
/// </summary>
/// <param name="Topic"><c>&lt;prefix&gt;/&lt;component&gt;/printernizer_&lt;id&gt;/&lt;object&gt;/config</c>.</param>
/// <param name="Payload">The JSON config; the same inputs always give the same text, so it can be compared to skip republishing.</param>
/// <param name="Component">The HA platform, e.g. <c>sensor</c>.</param>
/// <param name="DeviceId">The printer id, or <see cref="DiscoveryPayloadBuilder.BridgeDeviceId"/> for the bridge.</param>
/// <param name="ObjectId">The entity's key within its device, e.g. <c>nozzle_temperature</c>.</param>
internal sealed record DiscoveryMessage(string Topic, string Payload, string Component, string DeviceId, string ObjectId);
