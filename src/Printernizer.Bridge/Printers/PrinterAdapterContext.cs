using Microsoft.Extensions.Logging;
using Printernizer.Bridge.Configuration;

namespace Printernizer.Bridge.Printers;

/// <summary>What the host gives every adapter.</summary>
/// <param name="StateDirectory">The configured <c>state_dir</c>, created; adapters keep TLS pins and similar files here.</param>
/// <param name="Metrics">Where adapters count messages and rejected input; null outside the host.</param>
internal sealed record PrinterAdapterContext(
    TimeProvider Time,
    ILoggerFactory LoggerFactory,
    string StateDirectory,
    IPrinterMetricsSource? Metrics = null)
{
    public IPrinterMetrics MetricsFor(PrinterDefinition printer) =>
        Metrics?.For(printer.Id, printer.Type) ?? NullPrinterMetrics.Instance;
}
