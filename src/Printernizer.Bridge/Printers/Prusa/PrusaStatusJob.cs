namespace Printernizer.Bridge.Printers.Prusa;

/// <summary><c>status.job</c>: progress in percent 0–100, times in seconds.</summary>
internal sealed record PrusaStatusJob(int Id, double? Progress, int? TimeRemaining, int? TimePrinting);
