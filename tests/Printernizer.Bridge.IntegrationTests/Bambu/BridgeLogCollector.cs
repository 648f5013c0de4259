using Serilog.Core;
using Serilog.Events;

namespace Printernizer.Bridge.IntegrationTests.Bambu;

/// <summary>Keeps the bridge host's log events, rendered, so tests can check what was logged and that no secret was.</summary>
internal sealed class BridgeLogCollector : ILogEventSink
{
    private readonly List<(LogEventLevel Level, string Message)> _lines = [];

    public IReadOnlyList<(LogEventLevel Level, string Message)> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToArray();
            }
        }
    }

    public void Emit(LogEvent logEvent)
    {
        var line = (logEvent.Level, logEvent.RenderMessage() + (logEvent.Exception is { } ex ? " " + ex : string.Empty));
        lock (_lines)
        {
            _lines.Add(line);
        }
    }
}
