namespace Printernizer.Bridge.Printers;

/// <summary>Hands each adapter the metrics of its own printer.</summary>
internal interface IPrinterMetricsSource
{
    IPrinterMetrics For(string printerId, string type);
}
