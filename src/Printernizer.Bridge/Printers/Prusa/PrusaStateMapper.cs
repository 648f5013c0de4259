using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>SPEC §3.1: PrusaLink <c>printer.state</c> to the bridge's status vocabulary.</summary>
internal static class PrusaStateMapper
{
    public static PrinterStatus Map(string state) => state.ToUpperInvariant() switch
    {
        "IDLE" or "READY" => PrinterStatus.Idle,
        "BUSY" => PrinterStatus.Busy,
        "PRINTING" => PrinterStatus.Printing,
        "PAUSED" => PrinterStatus.Paused,
        "FINISHED" => PrinterStatus.Finished,
        "STOPPED" => PrinterStatus.Cancelled,
        "ATTENTION" => PrinterStatus.Attention,
        "ERROR" => PrinterStatus.Error,
        _ => PrinterStatus.Unknown,
    };

    /// <summary>States in which the printer holds a job (poll fast, fetch <c>/api/v1/job</c>).</summary>
    public static bool HoldsJob(PrinterStatus status) =>
        status is PrinterStatus.Printing or PrinterStatus.Paused or PrinterStatus.Attention;

    public static PrinterCapabilities Capabilities { get; } = new(
        ChamberTemperature: false,
        ChamberTarget: false,
        Layers: false,
        Hms: false,
        Filament: true,
        Fans: true,
        Motion: true,
        Lights: false,
        Pause: true) { Thumbnail = true };
}
