using System.Text.Json.Nodes;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.HomeAssistant;
using static Printernizer.Bridge.UnitTests.HomeAssistant.DiscoveryTestData;

namespace Printernizer.Bridge.UnitTests.HomeAssistant;

public sealed class DiscoveryPayloadBuilderTests
{
    private static DiscoveryMessage Find(IReadOnlyList<DiscoveryMessage> messages, string objectId) =>
        Assert.Single(messages, m => m.ObjectId == objectId);

    private static JsonObject Parse(DiscoveryMessage message) => JsonNode.Parse(message.Payload)!.AsObject();

    private static string[] Strings(JsonNode? node) => node!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    [Fact]
    public void BuildPrinter_NozzleTemperature_HasExactTopicAndPayload()
    {
        var message = Find(Builder().BuildPrinter(X1C, X1CState(AllCapabilities), controlEnabled: true), "nozzle_temperature");
        var payload = Parse(message);

        Assert.Equal("homeassistant/sensor/printernizer_x1c/nozzle_temperature/config", message.Topic);
        Assert.Equal(("sensor", "x1c"), (message.Component, message.DeviceId));
        Assert.Equal("Nozzle temperature", (string?)payload["name"]);
        Assert.Equal("printernizer_x1c_nozzle_temperature", (string?)payload["unique_id"]);
        Assert.Equal("sensor.printernizer_x1c_nozzle_temperature", (string?)payload["default_entity_id"]);
        Assert.False(payload.ContainsKey("object_id"));
        Assert.Equal("printernizer/x1c/temperature", (string?)payload["state_topic"]);
        Assert.Equal("{% if value_json.nozzle %}{{ value_json.nozzle.current }}{% else %}None{% endif %}", (string?)payload["value_template"]);
        Assert.Equal("temperature", (string?)payload["device_class"]);
        Assert.Equal("measurement", (string?)payload["state_class"]);
        Assert.Equal("°C", (string?)payload["unit_of_measurement"]);
        Assert.Equal(1, (int?)payload["qos"]);
        Assert.Equal("all", (string?)payload["availability_mode"]);
        var availability = payload["availability"]!.AsArray().Select(a => a!["topic"]!.GetValue<string>()).ToArray();
        Assert.Equal(["printernizer/bridge/state", "printernizer/x1c/availability"], availability);
    }

    [Fact]
    public void BuildPrinter_AnyEntity_CarriesDeviceAndOrigin()
    {
        var payload = Parse(Find(Builder().BuildPrinter(X1C, X1CState(AllCapabilities), true), "progress"));

        var device = payload["device"]!.AsObject();
        Assert.Equal(["printernizer_x1c"], Strings(device["identifiers"]));
        Assert.Equal("Workshop X1C", (string?)device["name"]);
        Assert.Equal("Bambu Lab", (string?)device["manufacturer"]);
        Assert.Equal("X1 Carbon", (string?)device["model"]);
        Assert.Equal("00M00A000000000", (string?)device["serial_number"]);
        Assert.Equal("01.08.02.00", (string?)device["sw_version"]);
        Assert.Equal("printernizer_bridge", (string?)device["via_device"]);
        var origin = payload["origin"]!.AsObject();
        Assert.Equal(("Printernizer Bridge", BridgeVersion, SupportUrl),
            ((string?)origin["name"], (string?)origin["sw_version"], (string?)origin["support_url"]));
    }

    [Fact]
    public void BuildPrinter_UnknownSerialAndFirmware_OmitsThemAndFallsBackToConfiguredModel()
    {
        var device = Parse(Builder().BuildPrinter(Mk4, Mk4State(), true)[0])["device"]!.AsObject();

        Assert.Equal("Prusa Research", (string?)device["manufacturer"]);
        Assert.Equal("MK4", (string?)device["model"]);
        Assert.False(device.ContainsKey("serial_number"));
        Assert.False(device.ContainsKey("sw_version"));
    }

    [Theory]
    [InlineData("bambu_lab", "Bambu Lab")]
    [InlineData("prusa", "Prusa Research")]
    [InlineData("klipper", "klipper")]
    public void FromType_ConfiguredType_GivesManufacturer(string type, string expected) =>
        Assert.Equal(expected, PrinterManufacturer.FromType(type));

    [Fact]
    public void BuildPrinter_Status_IsNamelessEnumWithEveryWireValue()
    {
        var message = Find(Builder().BuildPrinter(X1C, X1CState(AllCapabilities), true), "status");
        var payload = Parse(message);

        Assert.Equal("homeassistant/sensor/printernizer_x1c/status/config", message.Topic);
        Assert.True(payload.ContainsKey("name"));
        Assert.Null(payload["name"]);
        Assert.Equal("enum", (string?)payload["device_class"]);
        Assert.Equal(PrinterStatusExtensions.AllWireValues, Strings(payload["options"]));
        Assert.Equal("{{ value_json.status }}", (string?)payload["value_template"]);
        Assert.False(payload.ContainsKey("state_class"));
        Assert.False(payload.ContainsKey("unit_of_measurement"));
    }

    [Fact]
    public void BuildPrinter_CancelButton_PressesCommandWordUnretained()
    {
        var message = Find(Builder().BuildPrinter(X1C, X1CState(AllCapabilities), true), "cancel");
        var payload = Parse(message);

        Assert.Equal("homeassistant/button/printernizer_x1c/cancel/config", message.Topic);
        Assert.Equal("printernizer/x1c/command", (string?)payload["command_topic"]);
        Assert.Equal("cancel", (string?)payload["payload_press"]);
        Assert.False((bool?)payload["retain"]);
        Assert.False(payload.ContainsKey("state_topic"));
    }

    [Fact]
    public void BuildPrinter_JobEvent_ListsEveryEventTypeAndFollowsOnlyTheBridge()
    {
        var message = Find(Builder().BuildPrinter(X1C, X1CState(AllCapabilities), true), "job_event");
        var payload = Parse(message);

        Assert.Equal("homeassistant/event/printernizer_x1c/job_event/config", message.Topic);
        Assert.Equal("printernizer/x1c/event", (string?)payload["state_topic"]);
        Assert.Equal(PrinterEventTypeExtensions.AllWireValues, Strings(payload["event_types"]));
        Assert.False(payload.ContainsKey("value_template"));
        var availability = Assert.Single(payload["availability"]!.AsArray());
        Assert.Equal("printernizer/bridge/state", (string?)availability!["topic"]);
    }

    [Fact]
    public void BuildPrinter_Online_FollowsOnlyTheBridgeSoItCanShowDisconnected()
    {
        var payload = Parse(Find(Builder().BuildPrinter(X1C, X1CState(AllCapabilities), true), "online"));

        Assert.Equal("printernizer/x1c/availability", (string?)payload["state_topic"]);
        Assert.Equal(("online", "offline"), ((string?)payload["payload_on"], (string?)payload["payload_off"]));
        Assert.Equal(("connectivity", "diagnostic"), ((string?)payload["device_class"], (string?)payload["entity_category"]));
        var availability = Assert.Single(payload["availability"]!.AsArray());
        Assert.Equal("printernizer/bridge/state", (string?)availability!["topic"]);
    }

    [Fact]
    public void BuildBridge_Connection_HasNoAvailabilityAndOwnDevice()
    {
        var message = Assert.Single(Builder().BuildBridge());
        var payload = Parse(message);

        Assert.Equal("homeassistant/binary_sensor/printernizer_bridge/connection/config", message.Topic);
        Assert.Equal("printernizer_bridge_connection", (string?)payload["unique_id"]);
        Assert.Equal("printernizer/bridge/state", (string?)payload["state_topic"]);
        Assert.Equal("connectivity", (string?)payload["device_class"]);
        Assert.False(payload.ContainsKey("availability"));
        Assert.Equal(["printernizer_bridge"], Strings(payload["device"]!["identifiers"]));
        Assert.Equal(BridgeVersion, (string?)payload["device"]!["sw_version"]);
        Assert.False(payload["device"]!.AsObject().ContainsKey("via_device"));
    }

    [Fact]
    public void Constructor_NonHttpSupportUrl_Throws() =>
        Assert.Throws<ArgumentException>(() => new DiscoveryPayloadBuilder(Topics(), BridgeVersion, "ftp://example.org"));
}
