using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace Printernizer.Bridge.Observability;

/// <summary>Formatted lines to any writer (the console sink only writes to the console).</summary>
internal sealed class TextWriterSink : ILogEventSink
{
    private readonly ITextFormatter _formatter;
    private readonly TextWriter _output;
    private readonly Lock _gate = new();

    public TextWriterSink(ITextFormatter formatter, TextWriter output)
    {
        _formatter = formatter;
        _output = output;
    }

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            _formatter.Format(logEvent, _output);
            _output.Flush();
        }
    }
}
