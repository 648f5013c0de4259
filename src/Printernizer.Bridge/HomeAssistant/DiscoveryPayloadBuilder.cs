using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Publishing;

namespace Printernizer.Bridge.HomeAssistant;

/// <summary>
/// Builds the Home Assistant discovery configs of SPEC §4: one per entity, with the device,
/// origin and availability blocks on every payload. Properties are written in a fixed order,
/// so equal inputs give byte-equal payloads and the publisher can skip unchanged ones.
/// </summary>
internal sealed class DiscoveryPayloadBuilder
{
    /// <summary>The device id of the bridge itself; its node id is <c>printernizer_bridge</c>.</summary>
    public const string BridgeDeviceId = "bridge";

    public const string OriginName = "Printernizer Bridge";

    // Relaxed escaping keeps "°C" and the templates' quotes readable in retained payloads;
    // they are never embedded in HTML.
    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    private readonly TopicLayout _topics;
    private readonly string _bridgeVersion;
    private readonly string _supportUrl;

    public DiscoveryPayloadBuilder(TopicLayout topics, string bridgeVersion, string supportUrl)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentException.ThrowIfNullOrWhiteSpace(bridgeVersion);

        // HA drops the whole message when origin.support_url is not an http(s) URL.
        if (!Uri.TryCreate(supportUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The support URL must be an absolute http(s) URL, got '{supportUrl}'.", nameof(supportUrl));
        }

        _topics = topics;
        _bridgeVersion = bridgeVersion;
        _supportUrl = supportUrl;
    }

    /// <summary>The bridge device <c>printernizer_bridge</c> with its connectivity entity.</summary>
    public IReadOnlyList<DiscoveryMessage> BuildBridge()
    {
        var device = new JsonObject
        {
            ["identifiers"] = new JsonArray(TopicLayout.NodeId(BridgeDeviceId)),
            ["name"] = OriginName,
            ["manufacturer"] = "Printernizer",
            ["model"] = OriginName,
            ["sw_version"] = _bridgeVersion,
        };
        return BridgeEntities.For(_topics).Select(e => Compose(e, BridgeDeviceId, device)).ToArray();
    }

    /// <summary>
    /// Every entity of one printer whose data its model reports (<see cref="PrinterState.Capabilities"/>);
    /// no command buttons when <paramref name="controlEnabled"/> is false.
    /// </summary>
    public IReadOnlyList<DiscoveryMessage> BuildPrinter(PrinterDefinition printer, PrinterState state, bool controlEnabled)
    {
        ArgumentNullException.ThrowIfNull(printer);
        ArgumentNullException.ThrowIfNull(state);

        var device = PrinterDevice(printer, state);
        var capabilities = state.Capabilities;
        var entities = PrinterStatusEntities.For(_topics, printer.Id, capabilities)
            .Concat(PrinterTemperatureEntities.For(_topics, printer.Id, capabilities))
            .Concat(PrinterJobEntities.For(_topics, printer.Id, capabilities))
            .Concat(PrinterImageEntities.For(_topics, printer.Id, capabilities))
            .Concat(PrinterCommandEntities.For(_topics, printer.Id, capabilities, controlEnabled));
        return entities.Select(e => Compose(e, printer.Id, device)).ToArray();
    }

    private static JsonObject PrinterDevice(PrinterDefinition printer, PrinterState state)
    {
        // HA's device schema rejects null values, so absent fields are left out.
        var device = new JsonObject
        {
            ["identifiers"] = new JsonArray(TopicLayout.NodeId(printer.Id)),
            ["name"] = printer.Name,
            ["manufacturer"] = PrinterManufacturer.FromType(printer.Type),
        };
        AddIfPresent(device, "model", state.Model ?? printer.Model);
        AddIfPresent(device, "serial_number", state.Serial);
        AddIfPresent(device, "sw_version", state.Firmware);
        device["via_device"] = TopicLayout.NodeId(BridgeDeviceId);
        return device;
    }

    private static void AddIfPresent(JsonObject target, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            target[key] = value;
        }
    }

    private DiscoveryMessage Compose(DiscoveryEntity entity, string deviceId, JsonObject device)
    {
        var uniqueId = $"{TopicLayout.NodeId(deviceId)}_{entity.ObjectId}";
        var payload = new JsonObject
        {
            ["name"] = entity.Name,
            ["unique_id"] = uniqueId,

            // HA 2025.10+ reads default_entity_id; older versions drop the unknown key and derive
            // the entity id from the names. object_id is not sent: newer HA ignores it.
            ["default_entity_id"] = $"{entity.Component}.{uniqueId.Replace('-', '_')}",
        };
        foreach (var (key, value) in entity.Options)
        {
            payload[key] = value?.DeepClone();
        }

        AddAvailability(payload, entity.Availability, deviceId);
        payload["qos"] = 1;
        payload["device"] = device.DeepClone();
        payload["origin"] = new JsonObject
        {
            ["name"] = OriginName,
            ["sw_version"] = _bridgeVersion,
            ["support_url"] = _supportUrl,
        };

        return new DiscoveryMessage(
            _topics.DiscoveryConfig(entity.Component, deviceId, entity.ObjectId),
            payload.ToJsonString(SerializerOptions),
            entity.Component,
            deviceId,
            entity.ObjectId);
    }

    private void AddAvailability(JsonObject payload, EntityAvailability availability, string deviceId)
    {
        switch (availability)
        {
            case EntityAvailability.BridgeAndPrinter:
                payload["availability"] = new JsonArray(
                    new JsonObject { ["topic"] = _topics.BridgeState },
                    new JsonObject { ["topic"] = _topics.Availability(deviceId) });
                payload["availability_mode"] = "all";
                break;
            case EntityAvailability.BridgeOnly:
                payload["availability"] = new JsonArray(new JsonObject { ["topic"] = _topics.BridgeState });
                break;
            case EntityAvailability.None:
                break;
        }
    }
}
