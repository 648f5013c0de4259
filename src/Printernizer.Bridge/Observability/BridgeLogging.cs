using Printernizer.Bridge.Configuration;
using Serilog;
using Serilog.Configuration;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace Printernizer.Bridge.Observability;

/// <summary>
/// The bridge's Serilog setup from the configuration: human or compact JSON lines on the
/// console, per-component minimum levels, the printer id on printer lines, repeats held back.
/// </summary>
internal static class BridgeLogging
{
    public const string HumanTemplate =
        "{Timestamp:yyyy-MM-dd HH:mm:ss.fff} [{Level:u3}] {SourceContext}: {PrinterTag:l}{Message:lj}{NewLine}{Exception}";

    /// <param name="output">Where lines go instead of the console (tests).</param>
    public static LoggerConfiguration Create(BridgeConfig config, TimeProvider time, TextWriter? output = null)
    {
        var logging = config.Logging ?? LoggingSettings.Default;
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(Level(config.LogLevel))
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning);

        // Serilog matches overrides by name prefix at a dot, longest first: Printers.Bambu beats Printers.
        foreach (var (component, level) in logging.Overrides)
        {
            configuration.MinimumLevel.Override(component, Level(level));
        }

        ITextFormatter formatter = logging.Json
            ? new RenderedCompactJsonFormatter()
            : new MessageTemplateTextFormatter(HumanTemplate, formatProvider: null);
        configuration.Enrich.FromLogContext().Enrich.With<PrinterIdEnricher>();
        var inner = output is null
            ? LoggerSinkConfiguration.CreateSink(sinks => sinks.Console(formatter))
            : new TextWriterSink(formatter, output);
        return configuration.WriteTo.Sink(new RepeatLimitingSink(inner, time));
    }

    public static LogEventLevel Level(string level) => level switch
    {
        "verbose" => LogEventLevel.Verbose,
        "debug" => LogEventLevel.Debug,
        "warning" => LogEventLevel.Warning,
        "error" => LogEventLevel.Error,
        _ => LogEventLevel.Information,
    };
}
