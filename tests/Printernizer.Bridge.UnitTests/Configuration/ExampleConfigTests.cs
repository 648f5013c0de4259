using Printernizer.Bridge.Configuration;

namespace Printernizer.Bridge.UnitTests.Configuration;

/// <summary>The <c>config.yaml</c> shipped at the repository root must stay valid and mean what its comments say.</summary>
public sealed class ExampleConfigTests
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["MQTT_PASSWORD"] = "mqtt-secret",
        ["X1C_ACCESS_CODE"] = "12345678",
        ["MK4_PASSWORD"] = "mk4-secret",
    };

    [Fact]
    public void Load_ShippedExample_GivesDocumentedValues()
    {
        var path = Path.Combine(FindRepositoryRoot(), "config.yaml");

        var result = new BridgeConfigLoader().Load(path, ConfigTestParsing.Lookup(Environment), ConfigTestTypes.Registry());

        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        var config = result.Config;
        Assert.Equal(("mqtt://localhost:1883", "localhost", 1883, false, false), (config.Mqtt.Url, config.Mqtt.Host, config.Mqtt.Port, config.Mqtt.UseTls, config.Mqtt.Embedded));
        Assert.Equal((null, "mqtt-secret"), (config.Mqtt.Username, config.Mqtt.Password));
        Assert.Equal(("printernizer", "homeassistant", "printernizer-bridge", true), (config.Mqtt.BaseTopic, config.Mqtt.DiscoveryPrefix, config.Mqtt.ClientId, config.Mqtt.Discovery));
        Assert.Equal(("./state", true, "information"), (config.StateDir, config.Control, config.LogLevel));
        Assert.Collection(
            config.Printers,
            x1c =>
            {
                Assert.Equal(("x1c", "Workshop X1C", "bambu_lab", "192.168.1.50", 8883, (string?)null), (x1c.Id, x1c.Name, x1c.Type, x1c.Host, x1c.Port, x1c.Model));
                var settings = Assert.IsType<FakePrinterSettings>(x1c.Settings);
                Assert.Equal("00M00A000000000", settings["serial"]);
                Assert.Equal("12345678", settings["access_code"]);
                Assert.Null(settings["ca_file"]);
                Assert.Null(settings["tls_insecure"]);
                Assert.Null(settings["watchdog"]);
            },
            mk4 =>
            {
                Assert.Equal(("mk4", "MK4", "prusa", "192.168.1.60", 80), (mk4.Id, mk4.Name, mk4.Type, mk4.Host, mk4.Port));
                var settings = Assert.IsType<FakePrinterSettings>(mk4.Settings);
                Assert.Equal("mk4-secret", settings["password"]);
                Assert.Null(settings["username"]);
                Assert.Null(settings["api_key"]);
                Assert.Null(settings["poll_active"]);
            });
    }

    [Fact]
    public void Load_ShippedExampleWithoutEnvironment_NamesEachMissingVariable()
    {
        var path = Path.Combine(FindRepositoryRoot(), "config.yaml");

        var result = new BridgeConfigLoader().Load(path, _ => null, ConfigTestTypes.Registry());

        Assert.Collection(
            result.Problems,
            p => Assert.Equal(("mqtt.password", "environment variable MQTT_PASSWORD is not set"), (p.KeyPath, p.Message)),
            p => Assert.Equal(("printers[0].access_code", "environment variable X1C_ACCESS_CODE is not set"), (p.KeyPath, p.Message)),
            p => Assert.Equal(("printers[1].password", "environment variable MK4_PASSWORD is not set"), (p.KeyPath, p.Message)));
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Printernizer.Bridge.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Printernizer.Bridge.sln above {AppContext.BaseDirectory}");
    }
}
