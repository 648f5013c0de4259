using System.Text;
using Microsoft.Extensions.Logging;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Publishing;
using Printernizer.Bridge.Publishing.Mqtt;

namespace Printernizer.Bridge.HomeAssistant;

/// <summary>
/// Publishes discovery configs only when they change, removes the configs of entities that
/// disappeared, and at start clears retained configs the bridge owns for printers and entities
/// that no longer exist. Used from the publisher loop only (single-threaded).
/// </summary>
internal sealed partial class DiscoveryPublisher
{
    public static readonly TimeSpan RetainedScanWindow = TimeSpan.FromSeconds(2);

    private readonly DiscoveryPayloadBuilder _builder;
    private readonly TopicLayout _topics;
    private readonly bool _controlEnabled;
    private readonly ILogger<DiscoveryPublisher> _logger;
    private readonly Dictionary<string, HashSet<string>> _topicsByDevice = new(StringComparer.Ordinal);

    // The configs are not kept: ~30 per printer at ~1.4 KB each were a quarter of the live heap in
    // a 1,100-printer fleet. They depend on these inputs only, so they are rebuilt when needed.
    private readonly Dictionary<string, PrinterInputs> _printers = new(StringComparer.Ordinal);

    public DiscoveryPublisher(DiscoveryPayloadBuilder builder, TopicLayout topics, bool controlEnabled, ILogger<DiscoveryPublisher> logger)
    {
        _builder = builder;
        _topics = topics;
        _controlEnabled = controlEnabled;
        _logger = logger;
    }

    /// <summary>Every config of the bridge device (called on connect and when Home Assistant comes online).</summary>
    public void PublishBridge(List<OutgoingMessage> output) => Publish("bridge", before: null, _builder.BuildBridge(), output);

    public void PublishPrinter(PrinterDefinition printer, PrinterState state, List<OutgoingMessage> output)
    {
        var inputs = PrinterInputs.Of(printer, state);
        _printers.TryGetValue(printer.Id, out var previous);
        if (previous == inputs)
        {
            return;
        }

        _printers[printer.Id] = inputs;
        var before = previous is null ? null : previous.Build(_builder, _controlEnabled);
        Publish(printer.Id, before, inputs.Build(_builder, _controlEnabled), output);
    }

    /// <summary>Republishes every printer config (Home Assistant restarted, or the broker lost its retained messages).</summary>
    public void RepublishAll(List<OutgoingMessage> output)
    {
        foreach (var inputs in _printers.Values)
        {
            foreach (var message in inputs.Build(_builder, _controlEnabled))
            {
                output.Add(Config(message.Topic, message.Payload));
            }
        }
    }

    /// <summary>
    /// Takes the retained configs found under the discovery prefix at start and clears the ones
    /// carrying our node id for devices that are not configured any more. Leftovers of configured
    /// printers are remembered and cleared when the printer's config set is first built.
    /// </summary>
    public IReadOnlyList<OutgoingMessage> ClearStale(IReadOnlyList<IncomingMessage> retained, IReadOnlyCollection<string> configuredIds)
    {
        var stale = new List<OutgoingMessage>();
        foreach (var message in retained)
        {
            if (message.Payload.Length == 0 || DeviceIdOf(message.Topic) is not { } deviceId)
            {
                continue;
            }

            if (deviceId == "bridge" || configuredIds.Contains(deviceId))
            {
                Remember(deviceId, message.Topic);
                continue;
            }

            LogStale(message.Topic);
            stale.Add(Config(message.Topic, string.Empty));
        }

        return stale;
    }

    /// <param name="before">The configs last published for the device (rebuilt), or null to publish all of <paramref name="messages"/>.</param>
    private void Publish(string deviceId, IReadOnlyList<DiscoveryMessage>? before, IReadOnlyList<DiscoveryMessage> messages, List<OutgoingMessage> output)
    {
        var previous = before?.ToDictionary(m => m.Topic, m => m.Payload, StringComparer.Ordinal);
        var current = messages.Select(m => m.Topic).ToHashSet(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            if (previous is not null && previous.TryGetValue(message.Topic, out var payload) && payload == message.Payload)
            {
                continue;
            }

            output.Add(Config(message.Topic, message.Payload));
        }

        if (_topicsByDevice.TryGetValue(deviceId, out var known))
        {
            foreach (var gone in known.Where(t => !current.Contains(t)))
            {
                output.Add(Config(gone, string.Empty));
            }
        }

        _topicsByDevice[deviceId] = current;
    }

    private void Remember(string deviceId, string topic)
    {
        if (!_topicsByDevice.TryGetValue(deviceId, out var set))
        {
            _topicsByDevice[deviceId] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        set.Add(topic);
    }

    /// <summary>The device id of <c>&lt;prefix&gt;/&lt;component&gt;/printernizer_&lt;id&gt;/&lt;object&gt;/config</c>, or null when not ours.</summary>
    private string? DeviceIdOf(string topic)
    {
        var prefix = _topics.DiscoveryPrefix + "/";
        if (!topic.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = topic[prefix.Length..].Split('/');
        var node = TopicLayout.NodeId(string.Empty);
        return parts.Length == 4 && parts[3] == "config" && parts[1].StartsWith(node, StringComparison.Ordinal)
            ? parts[1][node.Length..]
            : null;
    }

    private static OutgoingMessage Config(string topic, string payload) =>
        new(topic, Encoding.UTF8.GetBytes(payload), Retain: true);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removing stale discovery config {Topic}")]
    private partial void LogStale(string topic);

    /// <summary>All a printer's configs depend on (<see cref="DiscoveryPayloadBuilder.BuildPrinter"/> reads nothing else of the state).</summary>
    private sealed record PrinterInputs(PrinterDefinition Definition, PrinterCapabilities Capabilities, string? Model, string? Firmware, string? Serial)
    {
        public static PrinterInputs Of(PrinterDefinition printer, PrinterState state) =>
            new(printer, state.Capabilities, state.Model, state.Firmware, state.Serial);

        public IReadOnlyList<DiscoveryMessage> Build(DiscoveryPayloadBuilder builder, bool controlEnabled) =>
            builder.BuildPrinter(Definition, new PrinterState
            {
                PrinterId = Definition.Id,
                Capabilities = Capabilities,
                Model = Model,
                Firmware = Firmware,
                Serial = Serial,
            }, controlEnabled);
    }
}
