using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>One poll's outcome: the new state and whether a job keeps the printer busy.</summary>
/// <param name="JobId">The printer's current job id, the only id commands may name.</param>
internal sealed record PrusaPollResult(PrinterState State, bool JobActive, int? JobId);
