using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Hosting.AddOn;
using Printernizer.Bridge.Printers;
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

    private readonly string _dir = Directory.CreateTempSubdirectory("printernizer-addon-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task LoadAsync_OptionsAndSupervisorBroker_GivesExpectedConfigWithBrokerCredentials()
    {
        await using var supervisor = StandInSupervisor.WithBroker("core-mosquitto", 1883, "addons", BrokerPassword);

        var result = await LoadAsync(supervisor.Url, StandInSupervisor.Token, TwoPrinters);

        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        var config = result.Config;
        var expectedMqtt = new MqttSettings(
            "mqtt://core-mosquitto:1883", false, "core-mosquitto", 1883, false, null, false, "addons", BrokerPassword,
            "workshop/printers", "homeassistant", "printernizer-bridge", true);
        Assert.Equal(expectedMqtt, config.Mqtt);
        Assert.Equal((Path.Combine(_dir, "data"), false, "debug"), (config.StateDir, config.Control, config.LogLevel));
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

        var result = await LoadAsync(supervisor.Url, StandInSupervisor.Token, """{"printers": [], "base_topic": "printernizer", "discovery_prefix": "homeassistant", "control": true, "log_level": "information"}""");

        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        Assert.Equal(("mqtts://192.168.1.10:8883", true, 8883, null, null), (result.Config.Mqtt.Url, result.Config.Mqtt.UseTls, result.Config.Mqtt.Port, result.Config.Mqtt.Username, result.Config.Mqtt.Password));
        Assert.Empty(result.Config.Printers);
    }

    [Fact]
    public async Task LoadAsync_NoSupervisorToken_ClearProblemAndNoRequest()
    {
        await using var supervisor = StandInSupervisor.WithBroker("core-mosquitto", 1883, "addons", BrokerPassword);

        var result = await LoadAsync(supervisor.Url, token: null, TwoPrinters);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("SUPERVISOR_TOKEN: environment variable is not set; the Supervisor sets it for Home Assistant add-ons, so --ha-addon only works inside the add-on (use --config outside it)", problem.ToString());
        Assert.Empty(supervisor.Requests);
    }

    [Theory]
    [InlineData(400, "Service not enabled", "answered 400 BadRequest (Service not enabled): no MQTT broker is available; install and start the Mosquitto broker add-on")]
    [InlineData(403, "No access to mqtt service!", "answered 403 Forbidden (No access to mqtt service!): the add-on may not read the MQTT service; its config.yaml must declare services: [\"mqtt:need\"]")]
    [InlineData(500, "Unknown error, see supervisor", "answered 500 InternalServerError (Unknown error, see supervisor): the Supervisor failed")]
    [InlineData(503, "System is not ready", "answered 503 ServiceUnavailable (System is not ready): the Supervisor failed")]
    public async Task LoadAsync_SupervisorRefuses_ProblemNamesStatusAndRemedy(int status, string message, string expected)
    {
        await using var supervisor = StandInSupervisor.Failing(status, message);

        var result = await LoadAsync(supervisor.Url, StandInSupervisor.Token, TwoPrinters);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(($"{supervisor.Url}/services/mqtt", 0, string.Empty), (problem.File, problem.Line, problem.KeyPath));
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_WrongToken_ProblemSaysTheAddOnMayNotReadTheService()
    {
        await using var supervisor = StandInSupervisor.WithBroker("core-mosquitto", 1883, "addons", BrokerPassword);

        var result = await LoadAsync(supervisor.Url, "not-the-token", TwoPrinters);

        Assert.Contains("answered 401 Unauthorized (Unauthorized): the add-on may not read the MQTT service", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"result": "ok", "data": {}}""", "has no host")]
    [InlineData("""{"result": "ok", "data": {"host": "core-mosquitto", "port": "abc", "password": "broker-secret-Zq81"}}""", "has no valid port")]
    [InlineData("""{"result": "ok"}""", "has no \"data\" object")]
    [InlineData("""<html>broker-secret-Zq81</html>""", "is not valid JSON")]
    public async Task LoadAsync_NoUsableMqttService_ClearProblemWithoutEchoingTheBody(string body, string expected)
    {
        await using var supervisor = StandInSupervisor.Answering(200, body);

        var result = await LoadAsync(supervisor.Url, StandInSupervisor.Token, TwoPrinters);

        var problem = Assert.Single(result.Problems);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(BrokerPassword, problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_SupervisorUnreachable_ProblemNamesTheAddress()
    {
        var closedPort = Infrastructure.TestBroker.FreePort();

        var result = await LoadAsync($"http://127.0.0.1:{closedPort}", StandInSupervisor.Token, TwoPrinters);

        Assert.StartsWith($"cannot reach the Supervisor at http://127.0.0.1:{closedPort}/", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
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

        var result = await LoadAsync(supervisor.Url, StandInSupervisor.Token, options);

        var optionsPath = Path.Combine(_dir, "options.json");
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

        var result = await LoadAsync(supervisor.Url, StandInSupervisor.Token, """{"printers": [{"id": "a1", "type": "bambu_lab", "host": "10.0.0.5"}], "log_level": "information"}""");

        Assert.Equal(
            [string.Empty, "printers[0].access_code", "printers[0].serial"],
            result.Problems.Select(p => p.KeyPath).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task LoadAsync_BrokerHostTheLoaderRefuses_ProblemBlamesTheSupervisorsAnnouncement()
    {
        await using var supervisor = StandInSupervisor.WithBroker("core mosquitto", 1883, "addons", BrokerPassword);

        var result = await LoadAsync(supervisor.Url, StandInSupervisor.Token, """{"printers": []}""");

        var problem = Assert.Single(result.Problems);
        Assert.Equal($"{supervisor.Url}/services/mqtt", problem.File);
        Assert.StartsWith("the broker the Supervisor announced is not usable: the host is missing or not a valid host name", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_OptionsFileMissing_ProblemNamesTheFile()
    {
        await using var supervisor = StandInSupervisor.WithBroker("core-mosquitto", 1883, "addons", BrokerPassword);
        var environment = new AddOnEnvironment(Path.Combine(_dir, "nowhere.json"), supervisor.Url, StandInSupervisor.Token, _dir);

        var result = await new AddOnConfigBuilder(environment, _ => null, PrinterTypeCatalog.CreateRegistry()).LoadAsync(CancellationToken.None);

        Assert.StartsWith($"{Path.Combine(_dir, "nowhere.json")}: file not found", Assert.Single(result.Problems).ToString(), StringComparison.Ordinal);
    }

    private async Task<ConfigLoadResult> LoadAsync(string supervisorUrl, string? token, string optionsJson)
    {
        var optionsPath = Path.Combine(_dir, "options.json");
        await File.WriteAllTextAsync(optionsPath, optionsJson);
        var environment = new AddOnEnvironment(optionsPath, supervisorUrl, token, Path.Combine(_dir, "data"));
        return await new AddOnConfigBuilder(environment, _ => null, PrinterTypeCatalog.CreateRegistry()).LoadAsync(CancellationToken.None);
    }
}
