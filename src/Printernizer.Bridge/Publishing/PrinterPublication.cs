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
    private readonly Dictionary<string, byte[]> _retained = new(StringComparer.Ordinal);
    private byte[]? _stateContent;
    private Temperatures? _publishedTemperatures;
    private DateTimeOffset _publishedTemperaturesAt;
    private Temperatures? _pendingTemperatures;

    public PrinterPublication(string printerId, TopicLayout topics, bool controlEnabled)
    {
        _printerId = printerId;
        _topics = topics;
        _controlEnabled = controlEnabled;
    }

    public PrinterState? Latest { get; private set; }

    public void Update(PrinterState state, DateTimeOffset now, List<OutgoingMessage> output)
    {
        Latest = state;
        PublishIfChanged(_topics.Availability(_printerId), state.Online ? "online"u8.ToArray() : "offline"u8.ToArray(), output);
        var control = _controlEnabled ? state.Control : ControlState.ReadOnly;
        if (!state.HasData)
        {
            // A refused login is contact too: its reason belongs on the state topic, with nothing else invented.
            if (state.Error is not null)
            {
                PublishState(state, control, now, output);
            }

            return;
        }

        PublishState(state, control, now, output);
        if (TemperatureDeadband.ShouldPublish(_publishedTemperatures, _publishedTemperaturesAt, state.Temperatures, now))
        {
            PublishTemperatures(state.Temperatures, now, output);
        }
        else
        {
            _pendingTemperatures = state.Temperatures;
        }

        PublishIfChanged(_topics.Progress(_printerId), PayloadSerializer.Progress(state.Progress), output);
        PublishIfChanged(_topics.Job(_printerId), PayloadSerializer.Job(state.Job), output);
        if (state.Capabilities.Filament || state.Filament.Material is not null)
        {
            PublishIfChanged(_topics.Filament(_printerId), PayloadSerializer.Filament(state.Filament), output);
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

    private void PublishState(PrinterState state, ControlState control, DateTimeOffset now, List<OutgoingMessage> output)
    {
        var content = PayloadSerializer.State(state, control, updatedAt: null);
        if (_stateContent is null || !content.AsSpan().SequenceEqual(_stateContent))
        {
            _stateContent = content;
            var updatedAt = state.UpdatedAt == default ? now : state.UpdatedAt;
            PublishIfChanged(_topics.State(_printerId), PayloadSerializer.State(state, control, updatedAt), output);
        }
    }

    private void PublishTemperatures(Temperatures temperatures, DateTimeOffset now, List<OutgoingMessage> output)
    {
        _publishedTemperatures = temperatures;
        _publishedTemperaturesAt = now;
        _pendingTemperatures = null;
        PublishIfChanged(_topics.Temperature(_printerId), PayloadSerializer.Temperature(temperatures), output);
    }

    private void PublishIfChanged(string topic, byte[] payload, List<OutgoingMessage> output)
    {
        if (_retained.TryGetValue(topic, out var previous) && previous.AsSpan().SequenceEqual(payload))
        {
            return;
        }

        _retained[topic] = payload;
        output.Add(new OutgoingMessage(topic, payload, Retain: true));
    }
}
