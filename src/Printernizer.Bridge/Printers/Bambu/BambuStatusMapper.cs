using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>SPEC §3.1: <c>gcode_state</c> to status, with cancels told apart from failures by <c>print_error</c>.</summary>
internal static class BambuStatusMapper
{
    public static PrinterStatus Map(string? gcodeState, long? printError, PrinterStatus previous)
    {
        if (BambuPrintErrorFormatter.IsCancel(printError) && gcodeState is "FAILED" or "IDLE" or "RUNNING" or "PAUSE" or "FINISH")
        {
            return PrinterStatus.Cancelled;
        }

        return gcodeState switch
        {
            "IDLE" => PrinterStatus.Idle,
            "INIT" => PrinterStatus.Busy,
            "SLICING" or "PREPARE" => PrinterStatus.Preparing,
            "RUNNING" => PrinterStatus.Printing,
            "PAUSE" => PrinterStatus.Paused,
            "FINISH" => PrinterStatus.Finished,

            // The cancel code is cleared about two seconds later while FAILED stays: still a cancel.
            "FAILED" => previous == PrinterStatus.Cancelled ? PrinterStatus.Cancelled : PrinterStatus.Failed,
            _ => PrinterStatus.Unknown,
        };
    }
}
