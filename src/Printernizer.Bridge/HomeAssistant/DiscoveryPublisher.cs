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
    private readonly Dictionary<string, string> _published = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _topicsByDevice = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DiscoveryInputs> _inputs = new(StringComparer.Ordinal);

    public DiscoveryPublisher(DiscoveryPayloadBuilder builder, TopicLayout topics, bool controlEnabled, ILogger<DiscoveryPublisher> logger)
    {
        _builder = builder;
        _topics = topics;
        _controlEnabled = controlEnabled;
        _logger = logger;
    }

    public void PublishBridge(List<OutgoingMessage> output) => Publish("bridge", _builder.BuildBridge(), output);

    public void PublishPrinter(PrinterDefinition printer, PrinterState state, List<OutgoingMessage> output)
    {
        var inputs = new DiscoveryInputs(state.Capabilities, state.Model, state.Firmware, state.Serial);
        if (_inputs.TryGetValue(printer.Id, out var previous) && previous == inputs)
        {
            return;
        }

        _inputs[printer.Id] = inputs;
        Publish(printer.Id, _builder.BuildPrinter(printer, state, _controlEnabled), output);
    }

    /// <summary>Republishes every config (Home Assistant restarted, or the broker lost its retained messages).</summary>
    public void RepublishAll(List<OutgoingMessage> output)
    {
        foreach (var (topic, payload) in _published)
        {
            output.Add(Config(topic, payload));
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
            if (message.Payload.Length == 0 || DeviceIdOf(message.Topic) is not { } deviceId || _published.ContainsKey(message.Topic))
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

    private void Publish(string deviceId, IReadOnlyList<DiscoveryMessage> messages, List<OutgoingMessage> output)
    {
        var current = messages.Select(m => m.Topic).ToHashSet(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            if (_published.TryGetValue(message.Topic, out var previous) && previous == message.Payload)
            {
                continue;
            }

            _published[message.Topic] = message.Payload;
            output.Add(Config(message.Topic, message.Payload));
        }

        if (_topicsByDevice.TryGetValue(deviceId, out var known))
        {
            foreach (var gone in known.Where(t => !current.Contains(t)))
            {
                _published.Remove(gone);
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

    private sealed record DiscoveryInputs(PrinterCapabilities Capabilities, string? Model, string? Firmware, string? Serial);
}
