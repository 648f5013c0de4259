namespace Printernizer.Bridge.Domain;

/// <summary>The status vocabulary of SPEC §3.1; the wire form is the lower-case name.</summary>
internal enum PrinterStatus
{
    Unknown,
    Offline,
    Idle,
    Preparing,
    Printing,
    Paused,
    Finished,
    Failed,
    Cancelled,
    Attention,
    Busy,
    Error,
}
