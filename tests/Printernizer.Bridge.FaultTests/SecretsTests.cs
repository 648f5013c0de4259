using System.Diagnostics;
using Printernizer.Bridge.FaultTests.Infrastructure;
using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Simulators.Bambu;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.FaultTests;

/// <summary>
/// Scenario 11: every kind of configured secret, right and wrong, through the real process at
/// debug level, with errors provoked; nothing captured may contain one. (Every other fault test
/// greps its own logs and messages the same way when it ends.)
/// </summary>
public sealed class SecretsTests : IAsyncLifetime
{
    private static readonly (string User, string Password) BrokerLogin = ("bridge-user", "mqtt-pass-5531");

    private readonly ITestOutputHelper _output;
    private readonly string _dir = Directory.CreateTempSubdirectory("printernizer-fault-").FullName;
    private TestBroker _broker = null!;

    public SecretsTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public async Task InitializeAsync() => _broker = await TestBroker.StartAsync(credentials: BrokerLogin);

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task WholeRunWithAuthFailuresAndCommandErrors_NoSecretInLogsInfoResultsOrErrors()
    {
        await using var bambu = await BambuSimulator.StartAsync(SimulatedPrinters.BambuOptions(11));
        await using var lockedBambu = await BambuSimulator.StartAsync(SimulatedPrinters.BambuOptions(12));
        await using var prusa = await PrusaLinkSimulator.StartAsync(SimulatedPrinters.PrusaOptions(11));
        await using var keyPrusa = await PrusaLinkSimulator.StartAsync(SimulatedPrinters.PrusaOptions(12) with { ApiKey = "api-key-9917" });
        await using var lockedPrusa = await PrusaLinkSimulator.StartAsync(SimulatedPrinters.PrusaOptions(13));
        string[] secrets =
        [
            BrokerLogin.Password, bambu.AccessCode, lockedBambu.AccessCode, "wrong-code-4471",
            prusa.Options.Password, keyPrusa.Options.Password, "api-key-9917", lockedPrusa.Options.Password, "wrong-pass-8820",
        ];
        prusa.StartJob();
        var config = new ConfigFile()
            .Bambu("x1c", bambu)
            .Bambu("locked-x1c", lockedBambu, accessCode: "wrong-code-4471")
            .Prusa("mk4", prusa)
            .Prusa("key-mk4", keyPrusa, apiKey: "api-key-9917")
            .Prusa("locked-mk4", lockedPrusa, password: "wrong-pass-8820")
            .Write(_dir, _broker, BrokerLogin);

        await using var capture = await TimedCapture.ConnectAsync(_broker, Stopwatch.StartNew(), BrokerLogin, "#");
        await using var bridge = BridgeProcess.Start("--config", config);
        await Eventually.WaitAsync(() => capture.LastText(Topics.BridgeState) == "online", "bridge online", TimeSpan.FromSeconds(60));
        foreach (var id in new[] { "x1c", "mk4", "key-mk4" })
        {
            await Eventually.WaitAsync(() => capture.LastText(Topics.Availability(id)) == "online", $"{id} online", TimeSpan.FromSeconds(60));
        }

        foreach (var id in new[] { "locked-x1c", "locked-mk4" })
        {
            await Eventually.WaitAsync(() => capture.LastText(Topics.State(id))?.Contains("auth_failed", StringComparison.Ordinal) == true, $"{id} refused", TimeSpan.FromSeconds(60));
        }

        // Provoke every kind of answer: ok, refused by the printer, offline, unknown printer, garbage.
        await capture.PublishAsync(Topics.Command("mk4"), """{"command":"pause","transaction":"s1"}""");
        await capture.PublishAsync(Topics.Command("x1c"), "resume");
        await capture.PublishAsync(Topics.Command("locked-mk4"), "cancel");
        await capture.PublishAsync(Topics.Command("locked-x1c"), "cancel");
        await capture.PublishAsync(Topics.Command("nobody"), "cancel");
        await capture.PublishAsync(Topics.Command("key-mk4"), "{oops");
        await capture.PublishAsync("homeassistant/status", "online");
        await Eventually.WaitAsync(() => capture.Messages.Count(m => m.Topic.EndsWith("/command/result", StringComparison.Ordinal)) >= 6, "six answers");
        await Task.Delay(TimeSpan.FromSeconds(3));
        bridge.Terminate();
        Assert.Equal(0, await bridge.WaitForExitAsync(TimeSpan.FromSeconds(60)));

        var info = capture.LastText(Topics.BridgeInfo);
        Assert.NotNull(info);
        var scanned = SecretScan.AssertClean(secrets, [], capture.AsCaptured(), bridge.Output);
        _output.WriteLine($"{secrets.Length} secrets, {capture.Messages.Count} MQTT messages and {bridge.Output.Split('\n').Length} log lines ({scanned / 1024.0:0} KiB) scanned: none found");
        _output.WriteLine("bridge/info: " + info);
        Assert.Contains("[ERR]", bridge.Output);
    }
}
