using Printernizer.Bridge.IntegrationTests.Infrastructure;

namespace Printernizer.Bridge.IntegrationTests.AddOn;

/// <summary><c>--ha-addon</c> as the add-on container runs it: a real process, the Supervisor's environment variables.</summary>
public sealed class AddOnProcessTests : IDisposable
{
    private const string Options = """
        {"printers": [
           {"id": "x1c", "type": "bambu_lab", "host": "192.168.1.50", "serial": "00M09A000000000", "access_code": "12345678"},
           {"id": "mk4", "type": "prusa", "host": "192.168.1.60", "password": "mk4-secret"}],
         "base_topic": "printernizer", "discovery_prefix": "homeassistant", "control": true, "log_level": "information"}
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("printernizer-addon-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task CheckConfig_OptionsAndStandInSupervisor_Exit0()
    {
        await using var supervisor = StandInSupervisor.WithBroker("core-mosquitto", 1883, "addons", "broker-pass-1");

        var (code, output) = await BridgeProcess.RunAsync(Environment(supervisor.Url, StandInSupervisor.Token, Options), "--ha-addon", "--check-config");

        Assert.True(code == 0, output);
        Assert.Contains("add-on options: OK (2 printer(s))", output, StringComparison.Ordinal);
        Assert.Single(supervisor.Requests);
    }

    [Fact]
    public async Task Run_NoSupervisorToken_Exit2WithClearError()
    {
        await using var supervisor = StandInSupervisor.WithBroker("core-mosquitto", 1883, "addons", "broker-pass-1");

        var (code, output) = await BridgeProcess.RunAsync(Environment(supervisor.Url, token: null, Options), "--ha-addon");

        Assert.Equal(2, code);
        Assert.Contains("SUPERVISOR_TOKEN: environment variable is not set", output, StringComparison.Ordinal);
        Assert.Contains("nothing was started", output, StringComparison.Ordinal);
        Assert.Empty(supervisor.Requests);
    }

    [Fact]
    public async Task Run_BrokerFromSupervisorWithCredentials_ConnectsAndStopsCleanlyOnSigterm()
    {
        const string Password = "broker-pass-Kx7";
        await using var broker = await TestBroker.StartAsync(credentials: ("addons", Password));
        await using var supervisor = StandInSupervisor.WithBroker("127.0.0.1", broker.Port, "addons", Password);
        var options = """{"printers": [], "base_topic": "printernizer", "discovery_prefix": "homeassistant", "control": true, "log_level": "information"}""";

        await using var bridge = BridgeProcess.Start(Environment(supervisor.Url, StandInSupervisor.Token, options), "--ha-addon");

        await WaitForOutputAsync(bridge, $"Connected to MQTT broker 127.0.0.1:{broker.Port}");
        bridge.Terminate();
        Assert.Equal(0, await bridge.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(Directory.Exists(Path.Combine(_dir, "data")), "state_dir was not created");
        Assert.DoesNotContain(Password, bridge.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(StandInSupervisor.Token, bridge.Output, StringComparison.Ordinal);
    }

    private static async Task WaitForOutputAsync(BridgeProcess bridge, string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!bridge.Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.False(bridge.HasExited, $"the bridge exited before printing '{text}':\n{bridge.Output}");
            Assert.False(timeout.IsCancellationRequested, $"no '{text}' within 30 s:\n{bridge.Output}");
            await Task.Delay(100);
        }
    }

    private Dictionary<string, string?> Environment(string supervisorUrl, string? token, string options)
    {
        var optionsPath = Path.Combine(_dir, "options.json");
        File.WriteAllText(optionsPath, options);
        return new Dictionary<string, string?>
        {
            ["SUPERVISOR_URL"] = supervisorUrl,
            ["SUPERVISOR_TOKEN"] = token,
            ["PRINTERNIZER_ADDON_OPTIONS"] = optionsPath,
            ["PRINTERNIZER_ADDON_STATE_DIR"] = Path.Combine(_dir, "data"),
        };
    }
}
