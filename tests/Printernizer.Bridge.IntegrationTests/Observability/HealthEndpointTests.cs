using Printernizer.Bridge.IntegrationTests.Infrastructure;

namespace Printernizer.Bridge.IntegrationTests.Observability;

/// <summary>/healthz and /readyz of the real host, and <c>--health</c> of the real process against it.</summary>
public sealed class HealthEndpointTests : IAsyncLifetime
{
    private readonly string _stateDir = Directory.CreateTempSubdirectory("printernizer-health-").FullName;
    private TestBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await TestBroker.StartAsync();

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        Directory.Delete(_stateDir, recursive: true);
    }

    [Fact]
    public async Task Readyz_BrokerStopsAndReturns_FailsWhileDownAndRecovers()
    {
        await using var bridge = await ObservedBridge.StartAsync(_broker, _stateDir, []);
        var ready = await bridge.WaitForAsync("/readyz", (status, _) => status == 200, "ready");
        Assert.Contains("broker: connected", ready.Body, StringComparison.Ordinal);

        await _broker.StopAsync();
        var down = await bridge.WaitForAsync("/readyz", (status, _) => status == 503, "not ready while the broker is down");
        Assert.Contains("broker: not connected", down.Body, StringComparison.Ordinal);
        Assert.Equal(200, (await bridge.GetAsync("/healthz")).Status);

        await _broker.StartAgainAsync();
        var back = await bridge.WaitForAsync("/readyz", (status, _) => status == 200, "ready again after the broker returned");
        Assert.StartsWith("ok\n", back.Body, StringComparison.Ordinal);
        Assert.Equal(404, (await bridge.GetAsync("/nothing")).Status);
    }

    [Fact]
    public async Task HealthCommand_RunningBridge_ExitsZeroWhenReadyAndOneWhenBrokerIsDown()
    {
        await using var bridge = await ObservedBridge.StartAsync(_broker, _stateDir, []);
        var configPath = Path.Combine(_stateDir, "config.yaml");
        await File.WriteAllTextAsync(configPath, $"mqtt:\n  url: mqtt://127.0.0.1:{_broker.Port}\nhttp:\n  listen: \"{bridge.Config.Http!.Listen}\"\nstate_dir: {_stateDir}\n");
        await bridge.WaitForAsync("/readyz", (status, _) => status == 200, "ready");

        var healthy = await BridgeProcess.RunAsync("--health", "--config", configPath);
        await _broker.StopAsync();
        await bridge.WaitForAsync("/readyz", (status, _) => status == 503, "not ready");
        var unhealthy = await BridgeProcess.RunAsync("--health", "--config", configPath);

        Assert.True(healthy.ExitCode == 0, healthy.Output);
        Assert.Contains("healthy: http://127.0.0.1:", healthy.Output, StringComparison.Ordinal);
        Assert.True(unhealthy.ExitCode == 1, unhealthy.Output);
        Assert.Contains("answered 503", unhealthy.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthCommand_NoListenerConfiguredOrNoBridge_ExitsOneWithAReason()
    {
        var withoutHttp = Path.Combine(_stateDir, "plain.yaml");
        await File.WriteAllTextAsync(withoutHttp, $"mqtt:\n  url: mqtt://127.0.0.1:{_broker.Port}\n");
        var nobody = Path.Combine(_stateDir, "nobody.yaml");
        await File.WriteAllTextAsync(nobody, $"http:\n  listen: 127.0.0.1:{TestBroker.FreePort()}\n");

        var notConfigured = await BridgeProcess.RunAsync("--health", "--config", withoutHttp);
        var noAnswer = await BridgeProcess.RunAsync("--health", "--config", nobody);

        Assert.Equal(1, notConfigured.ExitCode);
        Assert.Contains("has no http.listen", notConfigured.Output, StringComparison.Ordinal);
        Assert.Equal(1, noAnswer.ExitCode);
        Assert.Contains("unhealthy: no answer from http://127.0.0.1:", noAnswer.Output, StringComparison.Ordinal);
    }
}
