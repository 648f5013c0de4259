using System.Globalization;
using Printernizer.Bridge.Hosting;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Printernizer.Bridge.FaultTests.Infrastructure;

/// <summary>Every log event of a bridge, also rendered as the console would print it (with exceptions), for greps.</summary>
internal sealed class LogCapture : ILogEventSink
{
    private static readonly MessageTemplateTextFormatter Formatter = new(LoggingSetup.Template, CultureInfo.InvariantCulture);

    private readonly List<(LogEvent Event, string Text)> _events = [];
    private readonly ITestOutputHelper? _echo;

    public LogCapture(ITestOutputHelper? echo = null)
    {
        _echo = echo;
    }

    public IReadOnlyList<LogEvent> Events
    {
        get
        {
            lock (_events)
            {
                return _events.Select(e => e.Event).ToArray();
            }
        }
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_events)
            {
                return _events.Select(e => e.Text).ToArray();
            }
        }
    }

    public void Emit(LogEvent logEvent)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Formatter.Format(logEvent, writer);
        var text = writer.ToString();
        lock (_events)
        {
            _events.Add((logEvent, text));
        }

        if (_echo is not null && logEvent.Level >= LogEventLevel.Warning)
        {
            try
            {
                _echo.WriteLine("  log: " + text.TrimEnd());
            }
            catch (InvalidOperationException)
            {
                // The test already finished; its output is closed.
            }
        }
    }

    public IReadOnlyList<string> Matching(Func<string, bool> predicate) => Lines.Where(predicate).ToArray();
}
