namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// Sequence ids from a private range: replies to every client's commands share one topic
/// (Bambu Studio counts from 1), and ids must stay below 2^31.
/// </summary>
internal sealed class BambuSequenceIds
{
    private const long First = 1_800_000_000;
    private const long Span = 300_000_000;
    private long _next;

    public long Next() => First + (Interlocked.Increment(ref _next) % Span);
}
