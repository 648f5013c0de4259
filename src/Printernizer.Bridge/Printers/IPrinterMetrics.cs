namespace Printernizer.Bridge.Printers;

/// <summary>
/// What an adapter tells the bridge's metrics about its printer. Every call is cheap (a counter
/// increment), so adapters may call it on their hot path; the implementation knows the printer.
/// </summary>
internal interface IPrinterMetrics
{
    /// <summary>A message (Bambu report, PrusaLink answer) arrived from the printer.</summary>
    void MessageReceived();

    /// <summary>Input from the printer was refused; <paramref name="kind"/> is a small fixed set per printer type.</summary>
    void InputRejected(string kind);

    /// <summary>One poll cycle of a polling protocol finished, successfully or not.</summary>
    void PollCompleted(TimeSpan duration);
}
