namespace Printernizer.Bridge.IntegrationTests.AddOn;

/// <summary><c>--ha-addon</c> when the Supervisor cannot give a broker: each case is one clear problem.</summary>
public sealed class AddOnSupervisorTests : IDisposable
{
    private const string BrokerPassword = "broker-secret-Zq81";

    private const string TwoPrinters = """
        {"printers": [
           {"id": "x1c", "type": "bambu_lab", "host": "192.168.1.50", "serial": "00M09A000000000", "access_code": "12345678"},
           {"id": "mk4", "type": "prusa", "host": "192.168.1.60", "password": "mk4-secret"}],
         "base_topic": "printernizer", "discovery_prefix": "homeassistant", "control": true, "log_level": "information"}
        """;

    private readonly AddOnDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task LoadAsync_NoSupervisorToken_ClearProblemAndNoRequest()
    {
        await using var supervisor = StandInSupervisor.WithBroker("core-mosquitto", 1883, "addons", BrokerPassword);

        var result = await _data.LoadAsync(supervisor.Url, token: null, TwoPrinters);

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

        var result = await _data.LoadAsync(supervisor.Url, StandInSupervisor.Token, TwoPrinters);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(($"{supervisor.Url}/services/mqtt", 0, string.Empty), (problem.File, problem.Line, problem.KeyPath));
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_WrongToken_ProblemSaysTheAddOnMayNotReadTheService()
    {
        await using var supervisor = StandInSupervisor.WithBroker("core-mosquitto", 1883, "addons", BrokerPassword);

        var result = await _data.LoadAsync(supervisor.Url, "not-the-token", TwoPrinters);

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

        var result = await _data.LoadAsync(supervisor.Url, StandInSupervisor.Token, TwoPrinters);

        var problem = Assert.Single(result.Problems);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(BrokerPassword, problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_SupervisorUnreachable_ProblemNamesTheAddress()
    {
        var closedPort = Infrastructure.TestBroker.FreePort();

        var result = await _data.LoadAsync($"http://127.0.0.1:{closedPort}", StandInSupervisor.Token, TwoPrinters);

        Assert.StartsWith($"cannot reach the Supervisor at http://127.0.0.1:{closedPort}/", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_BrokerHostTheLoaderRefuses_ProblemBlamesTheSupervisorsAnnouncement()
    {
        await using var supervisor = StandInSupervisor.WithBroker("core mosquitto", 1883, "addons", BrokerPassword);

        var result = await _data.LoadAsync(supervisor.Url, StandInSupervisor.Token, """{"printers": []}""");

        var problem = Assert.Single(result.Problems);
        Assert.Equal($"{supervisor.Url}/services/mqtt", problem.File);
        Assert.StartsWith("the broker the Supervisor announced is not usable: the host is missing or not a valid host name", problem.Message, StringComparison.Ordinal);
    }
}
