using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Printernizer.Bridge.Configuration;

/// <summary>Feeds already-parsed (and filtered) events to <see cref="YamlDotNet.RepresentationModel.YamlStream"/>.</summary>
internal sealed class ReplayParser : IParser
{
    private readonly IReadOnlyList<ParsingEvent> _events;
    private int _index = -1;

    public ReplayParser(IReadOnlyList<ParsingEvent> events)
    {
        _events = events;
    }

    public ParsingEvent? Current => _index >= 0 && _index < _events.Count ? _events[_index] : null;

    public bool MoveNext()
    {
        if (_index < _events.Count)
        {
            _index++;
        }

        return _index < _events.Count;
    }
}
