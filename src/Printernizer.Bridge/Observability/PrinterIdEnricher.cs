using Serilog.Core;
using Serilog.Events;

namespace Printernizer.Bridge.Observability;

/// <summary>
/// Gives every printer log line the <c>printer</c> property: from the supervisor's scope, or
/// from a <c>{PrinterId}</c> in the message (lines logged outside a printer's loop, e.g. by the
/// command router). Adds <c>PrinterTag</c> (<c>[x1c] </c>) for the human format when the
/// message does not name the printer itself.
/// </summary>
internal sealed class PrinterIdEnricher : ILogEventEnricher
{
    public const string PrinterProperty = "printer";
    public const string TagProperty = "PrinterTag";
    private const string MessageProperty = "PrinterId";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var inMessage = logEvent.Properties.TryGetValue(MessageProperty, out var fromMessage) && fromMessage is ScalarValue { Value: string };
        if (inMessage)
        {
            logEvent.AddPropertyIfAbsent(new LogEventProperty(PrinterProperty, fromMessage!));
        }
        else if (logEvent.Properties.TryGetValue(PrinterProperty, out var printer) && printer is ScalarValue { Value: string id })
        {
            logEvent.AddPropertyIfAbsent(new LogEventProperty(TagProperty, new ScalarValue($"[{id}] ")));
        }
    }
}
