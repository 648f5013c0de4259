namespace Printernizer.Simulators.Prusa;

/// <summary>The simulated printer at one instant.</summary>
/// <param name="HasJob">The printer still holds the last job (until the end screen is left).</param>
internal sealed record PrusaSimSnapshot(
    string State,
    int JobId,
    bool HasJob,
    string JobFileName,
    double Progress,
    int PrintingSeconds,
    int RemainingSeconds,
    long JobStartedUnix)
{
    public bool IsPrinting => State == "PRINTING";
}
