using static Printernizer.Bridge.UnitTests.Configuration.ConfigTestParsing;

namespace Printernizer.Bridge.UnitTests.Configuration;

public sealed class BridgeConfigLoaderDefaultsTests
{
    [Fact]
    public void Parse_OnlyEmptyPrinterList_UsesEveryDefault()
    {
        var config = ParseValid("printers: []\n");

        Assert.Empty(config.Printers);
        Assert.Equal("./state", config.StateDir);
        Assert.True(config.Control);
        Assert.Equal("information", config.LogLevel);
        var mqtt = config.Mqtt;
        Assert.Equal("mqtt://localhost:1883", mqtt.Url);
        Assert.False(mqtt.Embedded);
        Assert.Equal("localhost", mqtt.Host);
        Assert.Equal(1883, mqtt.Port);
        Assert.False(mqtt.UseTls);
        Assert.Null(mqtt.CaFile);
        Assert.False(mqtt.TlsInsecure);
        Assert.Null(mqtt.Username);
        Assert.Null(mqtt.Password);
        Assert.Equal("printernizer", mqtt.BaseTopic);
        Assert.Equal("homeassistant", mqtt.DiscoveryPrefix);
        Assert.Equal("printernizer-bridge", mqtt.ClientId);
        Assert.True(mqtt.Discovery);
    }

    [Fact]
    public void Parse_PrintersMissing_MeansNoPrinters()
    {
        var config = ParseValid("mqtt:\n  url: embedded\n");

        Assert.Empty(config.Printers);
        Assert.True(config.Mqtt.Embedded);
        Assert.Equal("127.0.0.1", config.Mqtt.Host);
        Assert.Equal(1883, config.Mqtt.Port);
    }

    [Fact]
    public void Parse_PrinterWithoutOptionalKeys_TakesNameFromIdAndPortFromType()
    {
        var config = ParseValid("""
            printers:
              - id: mk4
                type: prusa
                host: 192.168.1.60
              - id: x1c
                type: bambu_lab
                host: x1c.local
                serial: 00M00A000000000
                access_code: "12345678"
            """);

        Assert.Collection(
            config.Printers,
            mk4 =>
            {
                Assert.Equal(("mk4", "mk4", "prusa", "192.168.1.60", 80, (string?)null), (mk4.Id, mk4.Name, mk4.Type, mk4.Host, mk4.Port, mk4.Model));
                var settings = Assert.IsType<FakePrinterSettings>(mk4.Settings);
                Assert.All(settings.Values.Values, Assert.Null);
            },
            x1c =>
            {
                Assert.Equal(("x1c", "x1c", "bambu_lab", "x1c.local", 8883), (x1c.Id, x1c.Name, x1c.Type, x1c.Host, x1c.Port));
                var settings = Assert.IsType<FakePrinterSettings>(x1c.Settings);
                Assert.Equal("00M00A000000000", settings["serial"]);
                Assert.Equal("12345678", settings["access_code"]);
            });
    }

    [Fact]
    public void Parse_EveryKeySet_ReadsEveryValue()
    {
        var config = ParseValid("""
            mqtt:
              url: mqtts://broker.lan
              username: bridge
              password: hunter22
              tls_insecure: yes
              base_topic: home/printers
              discovery_prefix: ha
              client_id: bridge-2
              discovery: false
            printers:
              - id: mk4
                name: Garage MK4
                type: prusa
                host: "fe80::1"
                port: 8080
                model: MK4S
                username: admin
                poll_active: 1m30s
                poll_idle: 500ms
            state_dir: /var/lib/printernizer
            control: false
            log_level: Debug
            """);

        var mqtt = config.Mqtt;
        Assert.Equal(("broker.lan", 8883, true, true), (mqtt.Host, mqtt.Port, mqtt.UseTls, mqtt.TlsInsecure));
        Assert.Equal(("bridge", "hunter22"), (mqtt.Username, mqtt.Password));
        Assert.Equal(("home/printers", "ha", "bridge-2", false), (mqtt.BaseTopic, mqtt.DiscoveryPrefix, mqtt.ClientId, mqtt.Discovery));
        var mk4 = Assert.Single(config.Printers);
        Assert.Equal(("Garage MK4", "fe80::1", 8080, "MK4S"), (mk4.Name, mk4.Host, mk4.Port, mk4.Model));
        var settings = Assert.IsType<FakePrinterSettings>(mk4.Settings);
        Assert.Equal("admin", settings["username"]);
        Assert.Equal(TimeSpan.FromSeconds(90), settings["poll_active"]);
        Assert.Equal(TimeSpan.FromMilliseconds(500), settings["poll_idle"]);
        Assert.Equal(("/var/lib/printernizer", false, "debug"), (config.StateDir, config.Control, config.LogLevel));
    }

    [Theory]
    [InlineData("mqtt://broker", "broker", 1883, false, false)]
    [InlineData("mqtt://broker:1884", "broker", 1884, false, false)]
    [InlineData("mqtts://10.0.0.2", "10.0.0.2", 8883, true, false)]
    [InlineData("MQTTS://10.0.0.2:9883/", "10.0.0.2", 9883, true, false)]
    [InlineData("mqtt://[::1]:1999", "::1", 1999, false, false)]
    [InlineData("embedded", "127.0.0.1", 1883, false, true)]
    [InlineData("embedded://0.0.0.0:1884", "0.0.0.0", 1884, false, true)]
    public void Parse_MqttUrl_GivesHostPortAndMode(string url, string host, int port, bool tls, bool embedded)
    {
        var mqtt = ParseValid($"mqtt:\n  url: \"{url}\"\n").Mqtt;

        Assert.Equal((host, port, tls, embedded), (mqtt.Host, mqtt.Port, mqtt.UseTls, mqtt.Embedded));
        Assert.Equal(url, mqtt.Url);
    }

    [Fact]
    public void Parse_NullValuesForOptionalKeys_FallBackToDefaults()
    {
        var config = ParseValid("""
            mqtt:
              url: ~
              username: null
              base_topic:
            printers:
            state_dir: null
            """);

        Assert.Equal(("mqtt://localhost:1883", null, "printernizer"), (config.Mqtt.Url, config.Mqtt.Username, config.Mqtt.BaseTopic));
        Assert.Empty(config.Printers);
        Assert.Equal("./state", config.StateDir);
    }
}
