using System.Text.Json.Nodes;

namespace Printernizer.Bridge.HomeAssistant;

/// <summary>
/// An entity before the shared blocks (unique id, device, origin, availability) are added.
/// </summary>
/// <param name="Name">The entity name without the device name; null makes it the device's main entity.</param>
/// <param name="Options">The platform options in the order they are written.</param>
internal sealed record DiscoveryEntity(
    string Component,
    string ObjectId,
    string? Name,
    JsonObject Options,
    EntityAvailability Availability = EntityAvailability.BridgeAndPrinter);
