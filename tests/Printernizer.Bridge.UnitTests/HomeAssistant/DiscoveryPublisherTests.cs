using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.HomeAssistant;
using Printernizer.Bridge.Publishing.Mqtt;

namespace Printernizer.Bridge.UnitTests.HomeAssistant;

public sealed class DiscoveryPublisherTests
{
    private readonly DiscoveryPublisher _publisher = new(DiscoveryTestData.Builder(), DiscoveryTestData.Topics(), controlEnabled: true, NullLogger<DiscoveryPublisher>.Instance);

    [Fact]
    public void PublishPrinter_FirstState_EveryConfigOfTheBuilderRetained()
    {
        var state = DiscoveryTestData.X1CState(DiscoveryTestData.AllCapabilities);
        var expected = DiscoveryTestData.Builder().BuildPrinter(DiscoveryTestData.X1C, state, controlEnabled: true);

        var output = Publish(state);

        Assert.Equal(expected.Select(m => (m.Topic, m.Payload)), output.Select(m => (m.Topic, Text(m))));
        Assert.All(output, m => Assert.True(m.Retain));
    }

    [Fact]
    public void PublishPrinter_SameInputsOtherValues_NothingPublished()
    {
        var state = DiscoveryTestData.X1CState(DiscoveryTestData.AllCapabilities);
        Publish(state);

        var output = Publish(state with { Status = PrinterStatus.Idle, UpdatedAt = DateTimeOffset.UnixEpoch });

        Assert.Empty(output);
    }

    [Fact]
    public void PublishPrinter_CapabilityGained_OnlyNewAndChangedConfigs()
    {
        var without = DiscoveryTestData.X1CState(DiscoveryTestData.AllCapabilities with { ChamberTemperature = false });
        var with = without with { Capabilities = DiscoveryTestData.AllCapabilities };
        var builder = DiscoveryTestData.Builder();
        var before = builder.BuildPrinter(DiscoveryTestData.X1C, without, controlEnabled: true).ToDictionary(m => m.Topic, m => m.Payload);
        var changed = builder.BuildPrinter(DiscoveryTestData.X1C, with, controlEnabled: true)
            .Where(m => !before.TryGetValue(m.Topic, out var payload) || payload != m.Payload)
            .Select(m => m.Topic)
            .ToList();
        Publish(without);

        var output = Publish(with);

        Assert.NotEmpty(changed);
        Assert.True(changed.Count < before.Count);
        Assert.Equal(changed, output.Select(m => m.Topic));
    }

    [Fact]
    public void PublishPrinter_CapabilityLost_ConfigClearedWithEmptyRetainedPayload()
    {
        var with = DiscoveryTestData.X1CState(DiscoveryTestData.AllCapabilities);
        var without = with with { Capabilities = DiscoveryTestData.AllCapabilities with { ChamberTemperature = false } };
        var builder = DiscoveryTestData.Builder();
        var remaining = builder.BuildPrinter(DiscoveryTestData.X1C, without, controlEnabled: true).Select(m => m.Topic).ToHashSet();
        var gone = builder.BuildPrinter(DiscoveryTestData.X1C, with, controlEnabled: true).Select(m => m.Topic).Where(t => !remaining.Contains(t)).ToList();
        Publish(with);

        var output = Publish(without);

        Assert.NotEmpty(gone);
        Assert.Equal(gone.Order(), output.Where(m => m.Payload.Length == 0).Select(m => m.Topic).Order());
        Assert.All(output.Where(m => m.Payload.Length == 0), m => Assert.True(m.Retain));
    }

    [Fact]
    public void RepublishAll_AfterAChange_TheConfigsOfTheLatestInputs()
    {
        var first = DiscoveryTestData.X1CState(DiscoveryTestData.AllCapabilities);
        var latest = first with { Firmware = "01.09.00.00" };
        Publish(first);
        Publish(latest);
        var mk4 = new List<OutgoingMessage>();
        _publisher.PublishPrinter(DiscoveryTestData.Mk4, DiscoveryTestData.Mk4State(), mk4);
        var expected = DiscoveryTestData.Builder().BuildPrinter(DiscoveryTestData.X1C, latest, controlEnabled: true)
            .Concat(DiscoveryTestData.Builder().BuildPrinter(DiscoveryTestData.Mk4, DiscoveryTestData.Mk4State(), controlEnabled: true))
            .Select(m => (m.Topic, m.Payload));

        var output = new List<OutgoingMessage>();
        _publisher.RepublishAll(output);

        Assert.Equal(expected.Order(), output.Select(m => (m.Topic, Text(m))).Order());
        Assert.Contains("01.09.00.00", Text(output[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void PublishBridge_CalledTwice_EveryBridgeConfigBothTimes()
    {
        var expected = DiscoveryTestData.Builder().BuildBridge().Select(m => m.Topic).ToList();
        var first = new List<OutgoingMessage>();
        var second = new List<OutgoingMessage>();

        _publisher.PublishBridge(first);
        _publisher.PublishBridge(second);

        Assert.Equal(expected, first.Select(m => m.Topic));
        Assert.Equal(expected, second.Select(m => m.Topic));
    }

    private List<OutgoingMessage> Publish(PrinterState state)
    {
        var output = new List<OutgoingMessage>();
        _publisher.PublishPrinter(DiscoveryTestData.X1C, state, output);
        return output;
    }

    private static string Text(OutgoingMessage message) => Encoding.UTF8.GetString(message.Payload);
}
