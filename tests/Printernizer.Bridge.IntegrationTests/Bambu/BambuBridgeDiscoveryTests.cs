using Printernizer.Bridge.TestSupport;
using Printernizer.Simulators.Bambu;

namespace Printernizer.Bridge.IntegrationTests.Bambu;

/// <summary>Everything the bridge publishes for an X1C, a P1S and an A1 mini through a print job passes the Home Assistant validator.</summary>
public sealed class BambuBridgeDiscoveryTests
{
    private static readonly (string Id, BambuSimulatorProfile Profile)[] Fleet =
        [("x1c", BambuSimulatorProfile.X1C), ("p1s", BambuSimulatorProfile.P1S), ("a1mini", BambuSimulatorProfile.A1Mini)];

    [Fact]
    public async Task Bridge_ThreeModelsThroughALifecycle_ValidatorStrictReportsNoProblems()
    {
        await using var harness = await BambuBridgeHarness.StartAsync(Fleet
            .Select((p, i) => new BambuBridgePrinter(p.Id, new BambuSimulatorOptions
            {
                Profile = p.Profile,
                Serial = $"00M09A35010000{i}",
                JobDuration = TimeSpan.FromSeconds(6),
                TotalLayers = 30,
            }))
            .ToArray());
        foreach (var (id, _) in Fleet)
        {
            await harness.WaitForStateAsync(id, j => BambuBridgeHarness.Is(j, "status", "idle"), $"{id} idle");
            harness[id].StartJob("plate_" + id);
        }

        foreach (var (id, _) in Fleet)
        {
            await harness.WaitForEventAsync(id, "job_finished");
        }

        await harness.StopBridgeAsync();
        await harness.Capture.WaitForAsync("printernizer/bridge/state", "offline");

        var messages = harness.Capture.Messages.Select(m => new ValidatorMessage(m.Topic, m.Text, m.Retain, m.Qos)).ToArray();
        var report = await DiscoveryValidator.RunAsync(messages);

        Assert.True(report.ExitCode == 0, report.Output);
        Assert.Empty(report.Problems);
        var summary = System.Text.RegularExpressions.Regex.Match(report.Summary, @"^(\d+) passed, 0 failed$");
        Assert.True(summary.Success, report.Output);
        Assert.Equal(messages.Length, int.Parse(summary.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(messages, m => m.Topic == "homeassistant/sensor/printernizer_x1c/chamber_temperature/config" && m.Payload.Length > 0);
        Assert.DoesNotContain(messages, m => m.Topic == "homeassistant/sensor/printernizer_p1s/chamber_temperature/config" && m.Payload.Length > 0);
        Assert.DoesNotContain(messages, m => m.Topic == "homeassistant/sensor/printernizer_a1mini/chamber_temperature/config" && m.Payload.Length > 0);
        foreach (var (id, _) in Fleet)
        {
            Assert.Contains(messages, m => m.Topic == $"homeassistant/sensor/printernizer_{id}/status/config");
            Assert.Contains(messages, m => m.Topic == $"homeassistant/button/printernizer_{id}/cancel/config");
            Assert.Contains(messages, m => m.Topic == $"printernizer/{id}/filament");
        }
    }
}
