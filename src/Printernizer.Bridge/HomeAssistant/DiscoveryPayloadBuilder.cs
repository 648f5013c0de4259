using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Publishing;

namespace Printernizer.Bridge.HomeAssistant;

// Placeholder until the discovery builder lands (feat/discovery).
internal sealed class DiscoveryPayloadBuilder
{
    private readonly TopicLayout _topics;

    public DiscoveryPayloadBuilder(TopicLayout topics, string version, string supportUrl)
    {
        _topics = topics;
        _ = version;
        _ = supportUrl;
    }

    public IReadOnlyList<DiscoveryMessage> BuildBridge() =>
        [new(_topics.DiscoveryConfig("binary_sensor", "bridge", "connection"), "{}", "binary_sensor", "bridge", "connection")];

    public IReadOnlyList<DiscoveryMessage> BuildPrinter(PrinterDefinition printer, PrinterState state, bool controlEnabled) =>
        [new(_topics.DiscoveryConfig("sensor", printer.Id, "status"), "{}", "sensor", printer.Id, "status")];
}
