using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Publishing.Mqtt;
using Printernizer.Bridge.Publishing.Payloads;

namespace Printernizer.Bridge.Publishing;

/// <summary>
/// One printer's retained topics: what was last published on each, so that a topic is
/// published only when its payload changes (temperature with the deadband), and all of it
/// can be republished after the broker lost its retained messages.
/// </summary>
internal sealed class PrinterPublication
{
    private readonly string _printerId;
    private readonly TopicLayout _topics;
    private readonly bool _controlEnabled;
    private readonly PayloadBuffer _buffer;
    private readonly Dictionary<string, byte[]> _retained = new(StringComparer.Ordinal);
    private byte[]? _stateContent;
    private Temperatures? _publishedTemperatures;
    private DateTimeOffset _publishedTemperaturesAt;
    private Temperatures? _pendingTemperatures;

    private static readonly byte[] Online = "online"u8.ToArray();
    private static readonly byte[] Offline = "offline"u8.ToArray();

    /// <param name="buffer">Shared by every publication of one publisher loop, which calls them one at a time.</param>
    public PrinterPublication(string printerId, TopicLayout topics, bool controlEnabled, PayloadBuffer? buffer = null)
    {
        _printerId = printerId;
        _topics = topics;
        _controlEnabled = controlEnabled;
        _buffer = buffer ?? new PayloadBuffer();
    }

    public PrinterState? Latest { get; private set; }

    public void Update(PrinterState state, DateTimeOffset now, List<OutgoingMessage> output)
    {
        Latest = state;
        PublishIfChanged(_topics.Availability(_printerId), state.Online ? Online : Offline, output);
        if (!state.HasData)
        {
            // Refused before the first contact (a wrong access code or password): nothing has values
            // yet, but the error must reach users, so state carries it with status offline.
            if (state.Error is not null)
            {
                PublishState(state with { Status = PrinterStatus.Offline }, now, output);
            }

            return;
        }

        PublishState(state, now, output);

        if (TemperatureDeadband.ShouldPublish(_publishedTemperatures, _publishedTemperaturesAt, state.Temperatures, now))
        {
            PublishTemperatures(state.Temperatures, now, output);
        }
        else
        {
            _pendingTemperatures = state.Temperatures;
        }

        PublishIfChanged(_topics.Progress(_printerId), _buffer.Write(state.Progress, PayloadSerializer.WriteProgress), output);
        PublishIfChanged(_topics.Job(_printerId), _buffer.Write(state.Job, PayloadSerializer.WriteJob), output);
        if (state.Capabilities.Filament || state.Filament.Material is not null)
        {
            PublishIfChanged(_topics.Filament(_printerId), _buffer.Write(state.Filament, PayloadSerializer.WriteFilament), output);
        }
    }

    /// <summary>Publishes a temperature held back by the deadband once the refresh interval has passed.</summary>
    public void Flush(DateTimeOffset now, List<OutgoingMessage> output)
    {
        if (_pendingTemperatures is { } pending
            && TemperatureDeadband.ShouldPublish(_publishedTemperatures, _publishedTemperaturesAt, pending, now))
        {
            PublishTemperatures(pending, now, output);
        }
    }

    public void RepublishAll(List<OutgoingMessage> output)
    {
        foreach (var (topic, payload) in _retained)
        {
            output.Add(new OutgoingMessage(topic, payload, Retain: true));
        }
    }

    private void PublishState(PrinterState state, DateTimeOffset now, List<OutgoingMessage> output)
    {
        var control = _controlEnabled ? state.Control : ControlState.ReadOnly;
        var content = _buffer.Write((state, control, (DateTimeOffset?)null), PayloadSerializer.WriteState);
        if (_stateContent is null || !content.SequenceEqual(_stateContent))
        {
            _stateContent = content.ToArray();
            var updatedAt = state.UpdatedAt == default ? now : state.UpdatedAt;
            PublishIfChanged(_topics.State(_printerId), _buffer.Write((state, control, (DateTimeOffset?)updatedAt), PayloadSerializer.WriteState), output);
        }
    }

    private void PublishTemperatures(Temperatures temperatures, DateTimeOffset now, List<OutgoingMessage> output)
    {
        _publishedTemperatures = temperatures;
        _publishedTemperaturesAt = now;
        _pendingTemperatures = null;
        PublishIfChanged(_topics.Temperature(_printerId), _buffer.Write(temperatures, PayloadSerializer.WriteTemperature), output);
    }

    private void PublishIfChanged(string topic, ReadOnlySpan<byte> payload, List<OutgoingMessage> output)
    {
        if (_retained.TryGetValue(topic, out var previous) && previous.AsSpan().SequenceEqual(payload))
        {
            return;
        }

        // Shared by the retained copy and the outgoing message: neither is ever written to.
        var bytes = payload.ToArray();
        _retained[topic] = bytes;
        output.Add(new OutgoingMessage(topic, bytes, Retain: true));
    }
}
