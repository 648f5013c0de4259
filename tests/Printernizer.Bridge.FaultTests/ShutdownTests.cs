using System.Diagnostics;
using Printernizer.Bridge.FaultTests.Infrastructure;
using Printernizer.Bridge.IntegrationTests.Infrastructure;

namespace Printernizer.Bridge.FaultTests;

/// <summary>Scenario 10: SIGTERM, as <c>docker stop</c> and systemd send it.</summary>
public sealed class ShutdownTests : IAsyncLifetime
{
    private readonly ITestOutputHelper _output;
    private readonly string _dir = Directory.CreateTempSubdirectory("printernizer-fault-").FullName;
    private TestBroker _broker = null!;
    private SmallFleet _fleet = null!;

    public ShutdownTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public async Task InitializeAsync()
    {
        _broker = await TestBroker.StartAsync();
        _fleet = await SmallFleet.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _fleet.DisposeAsync();
        await _broker.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Sigterm_OfflinePublishedPrinterSessionsClosedExit0Quickly()
    {
        var config = new ConfigFile().Bambu(SmallFleet.BambuId, _fleet.Bambu).Prusa(SmallFleet.PrusaId, _fleet.Prusa).Write(_dir, _broker);
        await using var capture = await MqttCapture.ConnectAsync(_broker, "printernizer/#");
        await using var bridge = BridgeProcess.Start("--config", config);
        try
        {
            await capture.WaitForAsync(Topics.BridgeState, "online", TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            _output.WriteLine(bridge.Output);
            throw;
        }

        foreach (var id in _fleet.Ids)
        {
            await capture.WaitForAsync(Topics.Availability(id), "online", TimeSpan.FromSeconds(60));
        }

        await Eventually.WaitAsync(async () => await _fleet.Bambu.ConnectedClientCountAsync() == 1, "the bridge's Bambu session");
        Assert.True(_fleet.Prusa.OpenConnections >= 1);

        var watch = Stopwatch.StartNew();
        bridge.Terminate();
        var code = await bridge.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var took = watch.Elapsed;
        _output.WriteLine($"SIGTERM -> exit {code} after {took.TotalSeconds:0.00} s");

        Assert.Equal(0, code);
        Assert.True(took < TimeSpan.FromSeconds(5) + TimeSpan.FromSeconds(5), $"shutdown took {took.TotalSeconds:0.0} s (issue bound 5 s)");
        Assert.Equal("offline", capture.Last(Topics.BridgeState)!.Text);
        await using var late = await MqttCapture.ConnectAsync(_broker, Topics.BridgeState);
        await late.WaitForAsync(m => m.Retain && m.Text == "offline", "retained offline");
        await Eventually.WaitAsync(async () => await _fleet.Bambu.ConnectedClientCountAsync() == 0, "Bambu session closed", TimeSpan.FromSeconds(10));
        await Eventually.WaitAsync(() => _fleet.Prusa.OpenConnections == 0, "PrusaLink connection closed", TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("   at ", bridge.Output);
        SecretScan.AssertClean(_fleet.Secrets, [], capture.Messages, bridge.Output);
    }
}
