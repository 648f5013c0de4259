using Serilog.Core;
using Serilog.Events;

namespace Printernizer.Bridge.IntegrationTests.Prusa;

/// <summary>Keeps every log event of the bridge under test, rendered, for assertions about what was logged.</summary>
internal sealed class CollectingLogSink : ILogEventSink
{
    private readonly Lock _lock = new();
    private readonly List<(LogEventLevel Level, string Text)> _lines = [];

    public IReadOnlyList<(LogEventLevel Level, string Text)> Lines
    {
        get
        {
            lock (_lock)
            {
                return _lines.ToArray();
            }
        }
    }

    public void Emit(LogEvent logEvent)
    {
        var text = logEvent.RenderMessage() + (logEvent.Exception is { } ex ? " " + ex : "");
        lock (_lock)
        {
            _lines.Add((logEvent.Level, text));
        }
    }
}
