using static Printernizer.Bridge.UnitTests.HomeAssistant.DiscoveryTestData;

namespace Printernizer.Bridge.UnitTests.HomeAssistant;

/// <summary>The exact text, property order included: the publisher compares payloads as strings.</summary>
public sealed class DiscoveryPayloadTextTests
{
    private const string Origin =
        "'origin':{'name':'Printernizer Bridge','sw_version':'1.2.3','support_url':'https://github.com/printernizer/printernizer-bridge'}";

    // Expected texts are written with single quotes for readability; these payloads contain none.
    private static string Json(string singleQuoted) => singleQuoted.Replace('\'', '"');

    [Fact]
    public void BuildBridge_Connection_IsExactText()
    {
        var message = Assert.Single(Builder().BuildBridge());

        Assert.Equal(
            Json("{'name':'Connection','unique_id':'printernizer_bridge_connection','default_entity_id':'binary_sensor.printernizer_bridge_connection',"
                + "'state_topic':'printernizer/bridge/state','payload_on':'online','payload_off':'offline','device_class':'connectivity',"
                + "'entity_category':'diagnostic','qos':1,"
                + "'device':{'identifiers':['printernizer_bridge'],'name':'Printernizer Bridge','manufacturer':'Printernizer','model':'Printernizer Bridge','sw_version':'1.2.3'},"
                + Origin + "}"),
            message.Payload);
    }

    [Fact]
    public void BuildPrinter_MinimalPrinterCancelButton_IsExactText()
    {
        var message = Assert.Single(Builder().BuildPrinter(Mk4, Mk4State(), true), m => m.ObjectId == "cancel");

        Assert.Equal(
            Json("{'name':'Cancel print','unique_id':'printernizer_mk4_cancel','default_entity_id':'button.printernizer_mk4_cancel',"
                + "'command_topic':'printernizer/mk4/command','payload_press':'cancel','retain':false,'icon':'mdi:stop-circle-outline',"
                + "'availability':[{'topic':'printernizer/bridge/state'},{'topic':'printernizer/mk4/availability'}],'availability_mode':'all','qos':1,"
                + "'device':{'identifiers':['printernizer_mk4'],'name':'MK4','manufacturer':'Prusa Research','model':'MK4','via_device':'printernizer_bridge'},"
                + Origin + "}"),
            message.Payload);
    }

    [Fact]
    public void BuildPrinter_HyphenatedId_KeepsTopicButMakesValidEntityId()
    {
        var printer = X1C with { Id = "x1c-garage" };
        var message = Builder().BuildPrinter(printer, X1CState(AllCapabilities) with { PrinterId = "x1c-garage" }, true)[0];

        Assert.Equal("homeassistant/sensor/printernizer_x1c-garage/status/config", message.Topic);
        Assert.Contains(Json("'unique_id':'printernizer_x1c-garage_status'"), message.Payload, StringComparison.Ordinal);
        Assert.Contains(Json("'default_entity_id':'sensor.printernizer_x1c_garage_status'"), message.Payload, StringComparison.Ordinal);
    }
}
