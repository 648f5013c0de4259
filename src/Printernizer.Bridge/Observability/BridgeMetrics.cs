using System.Collections.Concurrent;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Hosting;
using Printernizer.Bridge.Printers;
using Prometheus;

namespace Printernizer.Bridge.Observability;

/// <summary>
/// Every metric of one bridge in its own registry (no process-wide state, so two hosts in one
/// test process do not mix). The rest of the bridge sees only <see cref="PrinterMetrics"/>,
/// <see cref="BrokerMetrics"/> and the domain-neutral interfaces they implement.
/// </summary>
internal sealed class BridgeMetrics : IPrinterMetricsSource
{
    private static readonly string[] PrinterLabels = ["printer", "type"];

    private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();
    private readonly ConcurrentDictionary<string, PrinterMetrics> _printers = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly PrinterCollectors _collectors;

    public BridgeMetrics(BridgeConfig config, TimeProvider time)
    {
        _time = time;
        DotNetStats.Register(_registry);
        var factory = Metrics.WithCustomRegistry(_registry);
        factory.CreateGauge("printernizer_bridge_info", "Always 1; the label carries the bridge version.", ["version"])
            .WithLabels(BridgeVersion.Current).Set(1);
        _collectors = new PrinterCollectors(factory, PrinterLabels);
        Broker = new BrokerMetrics(factory);
        foreach (var printer in config.Printers)
        {
            _printers[printer.Id] = new PrinterMetrics(printer.Id, printer.Type, _collectors, time);
        }

        _registry.AddBeforeCollectCallback(UpdateAges);
    }

    public BrokerMetrics Broker { get; }

    public IReadOnlyCollection<PrinterMetrics> Printers => [.. _printers.Values.OrderBy(p => p.PrinterId, StringComparer.Ordinal)];

    /// <summary>The configured printer's metrics; a printer outside the configuration gets throw-away ones, never a new label value.</summary>
    public PrinterMetrics Printer(string printerId) =>
        _printers.TryGetValue(printerId, out var metrics) ? metrics : new PrinterMetrics(printerId, "unknown", null, _time);

    public IPrinterMetrics For(string printerId, string type) => Printer(printerId);

    /// <summary>Writes the Prometheus text exposition format (version 0.0.4).</summary>
    public Task ExportAsync(Stream output, CancellationToken cancellationToken) =>
        _registry.CollectAndExportAsTextAsync(output, ExpositionFormat.PrometheusText, cancellationToken);

    private void UpdateAges()
    {
        foreach (var printer in _printers.Values)
        {
            printer.UpdateAge();
        }
    }
}
