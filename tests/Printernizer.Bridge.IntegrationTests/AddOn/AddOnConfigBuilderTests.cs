using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Hosting.AddOn;
using Printernizer.Bridge.Printers.Bambu;
using Printernizer.Bridge.Printers.Prusa;

namespace Printernizer.Bridge.IntegrationTests.AddOn;

/// <summary><c>--ha-addon</c> configuration: options.json plus a real HTTP server standing in for the Supervisor.</summary>
public sealed class AddOnConfigBuilderTests : IDisposable
{
    private const string BrokerPassword = "broker-secret-Zq81";

    private const string TwoPrinters = """
        {
          "printers": [
            {"id": "x1c", "name": "Workshop X1C", "type": "bambu_lab", "host": "192.168.1.50",
             "serial": "00M09A000000000", "access_code": "12345678", "watchdog": "90s"},
            {"id": "mk4", "name": "", "type": "prusa", "host": "192.168.1.60", "port": 8080,
             "password": "mk4-secret", "api_key": "", "poll_idle": "1m"}
          ],
          "base_topic": "workshop/printers",
          "discovery_prefix": "homeassistant",
          "control": false,
          "log_level": "debug"
        }
        """;

    private readonly AddOnDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task LoadAsync_OptionsAndSupervisorBroker_GivesExpectedConfigWithBrokerCredentials()
    {
        await using var supervisor = StandInSupervisor.WithBroker("core-mosquitto", 1883, "addons", BrokerPassword);

        var result = await _data.LoadAsync(supervisor.Url, StandInSupervisor.Token, TwoPrinters);

        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        var config = result.Config;
        var expectedMqtt = new MqttSettings(
            "mqtt://core-mosquitto:1883", false, "core-mosquitto", 1883, false, null, false, "addons", BrokerPassword,
            "workshop/printers", "homeassistant", "printernizer-bridge", true);
        Assert.Equal(expectedMqtt, config.Mqtt);
        Assert.Equal((_data.StateDir, false, "debug"), (config.StateDir, config.Control, config.LogLevel));
        Assert.Collection(
            config.Printers,
            x1c => Assert.Equal(
                new PrinterDefinition("x1c", "Workshop X1C", "bambu_lab", "192.168.1.50", 8883, null,
                    new BambuSettings("00M09A000000000", "12345678", null, false, TimeSpan.FromSeconds(90), BambuSettings.DefaultAuthRetry)),
                x1c),
            mk4 => Assert.Equal(
                new PrinterDefinition("mk4", "mk4", "prusa", "192.168.1.60", 8080, null,
                    new PrusaSettings("maker", "mk4-secret", null, PrusaSettings.DefaultPollActive, TimeSpan.FromMinutes(1), PrusaSettings.DefaultAuthRetry)),
                mk4));
        var request = Assert.Single(supervisor.Requests);
        Assert.Equal(("GET", "/services/mqtt", $"Bearer {StandInSupervisor.Token}"), (request.Method, request.Path, request.Header("Authorization")));
    }

    [Fact]
    public async Task LoadAsync_BrokerWithSslAndNoCredentials_UsesMqttsWithoutCredentials()
    {
        await using var supervisor = StandInSupervisor.WithBroker("192.168.1.10", 8883, null, null, ssl: true);

        var result = await _data.LoadAsync(supervisor.Url, StandInSupervisor.Token, """{"printers": [], "base_topic": "printernizer", "discovery_prefix": "homeassistant", "control": true, "log_level": "information"}""");

        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        Assert.Equal(("mqtts://192.168.1.10:8883", true, 8883, null, null), (result.Config.Mqtt.Url, result.Config.Mqtt.UseTls, result.Config.Mqtt.Port, result.Config.Mqtt.Username, result.Config.Mqtt.Password));
        Assert.Empty(result.Config.Printers);
    }

    [Fact]
    public async Task LoadAsync_InvalidOptions_EveryProblemWithItsOptionPathAndNoSecret()
    {
        await using var supervisor = StandInSupervisor.WithBroker("core-mosquitto", 1883, "addons", BrokerPassword);
        var options = """
            {
              "printers": [
                {"id": "X1C", "type": "bambu_lab", "host": "192.168.1.50", "port": 99999, "serial": "00M09A000000000", "access_code": "87654321"},
                {"id": "mk4", "type": "prusa", "host": "http://192.168.1.60", "password": "mk4-secret", "api_key": "mk4-key-secret"}
              ],
              "base_topic": "printers/#",
              "discovery_prefix": "homeassistant",
              "control": "sometimes",
              "log_level": "loud",
              "colour": "blue"
            }
            """;

        var result = await _data.LoadAsync(supervisor.Url, StandInSupervisor.Token, options);

        var optionsPath = _data.OptionsPath;
        Assert.All(result.Problems, p => Assert.Equal((optionsPath, 0), (p.File, p.Line)));
        Assert.Equal(
            ["base_topic", "colour", "control", "log_level", "printers[0].id", "printers[0].port", "printers[1].host", "printers[1].password"],
            result.Problems.Select(p => p.KeyPath).Order(StringComparer.Ordinal));
        var text = string.Join('\n', result.Problems);
        Assert.Contains("colour: unknown option (known options: base_topic, client_id, control, discovery, discovery_prefix, log_level, printers)", text, StringComparison.Ordinal);
        Assert.Contains("printers[0].port: expected an integer from 1 to 65535", text, StringComparison.Ordinal);
        foreach (var secret in new[] { BrokerPassword, "87654321", "mk4-secret", "mk4-key-secret", StandInSupervisor.Token })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task LoadAsync_SupervisorDownAndOptionsInvalid_ReportsBothAtOnce()
    {
        await using var supervisor = StandInSupervisor.Failing(400, "Service not enabled");

        var result = await _data.LoadAsync(supervisor.Url, StandInSupervisor.Token, """{"printers": [{"id": "a1", "type": "bambu_lab", "host": "10.0.0.5"}], "log_level": "information"}""");

        Assert.Equal(
            [string.Empty, "printers[0].access_code", "printers[0].serial"],
            result.Problems.Select(p => p.KeyPath).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task LoadAsync_OptionsFileMissing_ProblemNamesTheFile()
    {
        await using var supervisor = StandInSupervisor.WithBroker("core-mosquitto", 1883, "addons", BrokerPassword);
        var environment = new AddOnEnvironment(Path.Combine(_data.Path, "nowhere.json"), supervisor.Url, StandInSupervisor.Token, _data.StateDir);

        var result = await _data.LoadAsync(environment);

        Assert.StartsWith($"{Path.Combine(_data.Path, "nowhere.json")}: file not found", Assert.Single(result.Problems).ToString(), StringComparison.Ordinal);
    }
}
