using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace Printernizer.Bridge.Observability;

/// <summary>
/// Lets the first warning or error of a kind (message template, printer, level) through, then
/// only counts repeats for <see cref="Window"/>. The next occurrence after the window is preceded
/// by one line saying how many were held back, so a flood costs two lines a minute, not thousands.
/// </summary>
internal sealed class RepeatLimitingSink : ILogEventSink, IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private const int MaxKinds = 1000;
    private static readonly MessageTemplate SummaryTemplate =
        new MessageTemplateParser().Parse("Suppressed {RepeatCount} repeats of \"{RepeatedMessage}\" in the last {WindowSeconds} s");

    private readonly ILogEventSink _inner;
    private readonly TimeProvider _time;
    private readonly Dictionary<(string Template, string? Printer, LogEventLevel Level), Entry> _entries = [];
    private readonly Lock _gate = new();

    public RepeatLimitingSink(ILogEventSink inner, TimeProvider time)
    {
        _inner = inner;
        _time = time;
    }

    public void Emit(LogEvent logEvent)
    {
        if (logEvent.Level < LogEventLevel.Warning)
        {
            _inner.Emit(logEvent);
            return;
        }

        var key = (logEvent.MessageTemplate.Text, PrinterOf(logEvent), logEvent.Level);
        var now = _time.GetUtcNow();
        LogEvent? summary = null;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry) && now - entry.Since < Window)
            {
                entry.Suppressed++;
                return;
            }

            if (entry is { Suppressed: > 0 })
            {
                summary = Summary(entry, now);
            }

            if (_entries.Count >= MaxKinds)
            {
                Prune(now);
            }

            _entries[key] = new Entry(logEvent, now);
        }

        if (summary is not null)
        {
            _inner.Emit(summary);
        }

        _inner.Emit(logEvent);
    }

    /// <summary>Reports what is still held back, so a flood right before shutdown is not hidden.</summary>
    public void Dispose()
    {
        var now = _time.GetUtcNow();
        List<LogEvent> summaries;
        lock (_gate)
        {
            summaries = [.. _entries.Values.Where(e => e.Suppressed > 0).Select(e => Summary(e, now))];
            _entries.Clear();
        }

        foreach (var summary in summaries)
        {
            _inner.Emit(summary);
        }

        (_inner as IDisposable)?.Dispose();
    }

    private static string? PrinterOf(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue(PrinterIdEnricher.PrinterProperty, out var value) && value is ScalarValue { Value: string id } ? id : null;

    private static LogEvent Summary(Entry entry, DateTimeOffset now)
    {
        var first = entry.First;
        var properties = first.Properties
            .Where(p => p.Key is PrinterIdEnricher.PrinterProperty or PrinterIdEnricher.TagProperty or "SourceContext")
            .Select(p => new LogEventProperty(p.Key, p.Value))
            .Append(new LogEventProperty("RepeatCount", new ScalarValue(entry.Suppressed)))
            .Append(new LogEventProperty("RepeatedMessage", new ScalarValue(first.MessageTemplate.Text)))
            .Append(new LogEventProperty("WindowSeconds", new ScalarValue((long)Window.TotalSeconds)));
        return new LogEvent(now, first.Level, null, SummaryTemplate, properties);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var key in _entries.Where(e => now - e.Value.Since >= Window && e.Value.Suppressed == 0).Select(e => e.Key).ToArray())
        {
            _entries.Remove(key);
        }
    }

    private sealed class Entry(LogEvent first, DateTimeOffset since)
    {
        public LogEvent First { get; } = first;

        public DateTimeOffset Since { get; } = since;

        public long Suppressed { get; set; }
    }
}
