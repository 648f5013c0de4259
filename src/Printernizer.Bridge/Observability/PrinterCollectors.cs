using Prometheus;

namespace Printernizer.Bridge.Observability;

/// <summary>The per-printer metric families, each labelled <c>printer</c> and <c>type</c> (plus its own labels).</summary>
internal sealed class PrinterCollectors
{
    public PrinterCollectors(IMetricFactory factory, string[] labels)
    {
        Connected = factory.CreateGauge(
            "printernizer_printer_connected", "1 while the bridge holds a working connection to the printer, else 0.", labels);
        Reconnects = factory.CreateCounter(
            "printernizer_printer_reconnects_total", "Connections re-established after the printer had been offline.", labels);
        LastMessageAge = factory.CreateGauge(
            "printernizer_printer_last_message_age_seconds", "Seconds since the last message from the printer (NaN before the first).", labels);
        MessagesReceived = factory.CreateCounter(
            "printernizer_printer_reports_received_total", "Messages received from the printer (Bambu reports, PrusaLink poll answers).", labels);
        StateUpdates = factory.CreateCounter(
            "printernizer_printer_state_updates_total", "Normalized states the adapter handed to the publisher.", labels);
        Rejected = factory.CreateCounter(
            "printernizer_printer_reports_rejected_total", "Input from the printer that was refused, by kind.", [.. labels, "kind"]);
        Commands = factory.CreateCounter(
            "printernizer_printer_commands_total", "Commands answered, by command and result (ok or error).", [.. labels, "command", "result"]);
        PollDuration = factory.CreateHistogram(
            "printernizer_printer_poll_duration_seconds",
            "Duration of one successful poll cycle (polling protocols such as PrusaLink).",
            labels,
            new HistogramConfiguration { Buckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
    }

    public Gauge Connected { get; }

    public Counter Reconnects { get; }

    public Gauge LastMessageAge { get; }

    public Counter MessagesReceived { get; }

    public Counter StateUpdates { get; }

    public Counter Rejected { get; }

    public Counter Commands { get; }

    public Histogram PollDuration { get; }
}
