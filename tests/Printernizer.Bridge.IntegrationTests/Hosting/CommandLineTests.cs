using Printernizer.Bridge.IntegrationTests.Infrastructure;

namespace Printernizer.Bridge.IntegrationTests.Hosting;

public sealed class CommandLineTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("printernizer-cli-").FullName;
    private TestBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await TestBroker.StartAsync();

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task CheckConfig_FiveMistakes_FiveLinesWithKeyPathsAndExitCode2()
    {
        var path = Write("bad.yaml", """
            mqtt:
              url: http://broker:1883
              colour: blue
            printers:
              - id: X1C
                type: nonexistent
                host: 192.168.1.50
                port: 99999
            """);

        var (code, output) = await BridgeProcess.RunAsync("--check-config", "--config", path);

        Assert.Equal(2, code);
        var problems = output.Split('\n').Where(l => l.StartsWith(path + ":", StringComparison.Ordinal)).ToArray();
        Assert.Equal(5, problems.Length);
        Assert.StartsWith(path + ":2: mqtt.url:", problems[0]);
        Assert.StartsWith(path + ":3: mqtt.colour: unknown key", problems[1]);
        Assert.StartsWith(path + ":5: printers[0].id:", problems[2]);
        Assert.StartsWith(path + ":6: printers[0].type: unknown printer type", problems[3]);
        Assert.StartsWith(path + ":8: printers[0].port:", problems[4]);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task CheckConfig_ValidFile_ExitCode0()
    {
        var path = Write("good.yaml", $"mqtt:\n  url: mqtt://127.0.0.1:{_broker.Port}\nprinters: []\n");

        var (code, output) = await BridgeProcess.RunAsync("--check-config", "--config", path);

        Assert.True(code == 0, output);
        Assert.Contains("OK", output);
    }

    [Fact]
    public async Task Run_MissingConfigFile_ExitCode2WithClearMessage()
    {
        var (code, output) = await BridgeProcess.RunAsync("--config", Path.Combine(_dir, "missing.yaml"));

        Assert.Equal(2, code);
        Assert.Contains("not found", output);
    }

    [Fact]
    public async Task Run_UnknownArgument_ExitCode1WithUsage()
    {
        var (code, output) = await BridgeProcess.RunAsync("--frobnicate");

        Assert.Equal(1, code);
        Assert.Contains("unknown argument '--frobnicate'", output);
        Assert.Contains("Usage:", output);
    }

    [Fact]
    public async Task Version_PrintsVersionAndExits0()
    {
        var (code, output) = await BridgeProcess.RunAsync("--version");

        Assert.Equal(0, code);
        Assert.Matches(@"Printernizer Bridge \d+\.\d+\.\d+", output);
    }

    [Fact]
    public async Task Run_AgainstBroker_OnlineRetainedThenKillGivesOfflineAndSigtermCleanOffline()
    {
        var path = Write("run.yaml", $"mqtt:\n  url: mqtt://127.0.0.1:{_broker.Port}\n  client_id: cli-test\nprinters: []\nstate_dir: {Path.Combine(_dir, "state")}\n");
        await using var capture = await MqttCapture.ConnectAsync(_broker, "printernizer/#", "homeassistant/#");

        await using (var killed = BridgeProcess.Start("--config", path))
        {
            await capture.WaitForAsync("printernizer/bridge/state", "online", TimeSpan.FromSeconds(30));
            await capture.WaitForAsync(m => m.Topic == "homeassistant/binary_sensor/printernizer_bridge/connection/config", "bridge discovery");
            killed.Kill();
            var offline = await capture.WaitForAsync("printernizer/bridge/state", "offline", TimeSpan.FromSeconds(30));
            Assert.True(offline.Retain);
        }

        await using var terminated = BridgeProcess.Start("--config", path);
        await capture.WaitForAsync(m => m.Topic == "printernizer/bridge/state" && m.Text == "online" && capture.On("printernizer/bridge/state").Count(x => x.Text == "online") >= 2, "online again", TimeSpan.FromSeconds(30));
        terminated.Terminate();
        Assert.Equal(0, await terminated.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        await capture.WaitForAsync(_ => capture.On("printernizer/bridge/state").Count(x => x.Text == "offline") >= 2, "offline after SIGTERM");
        Assert.Equal("offline", capture.Last("printernizer/bridge/state")?.Text);
        Assert.False(terminated.Output.Contains("[ERR]", StringComparison.Ordinal), terminated.Output);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
