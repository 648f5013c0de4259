using System.Text.Json.Nodes;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// One message from the report topic into the cache: decoded and applied. Kept apart from the
/// session runner so the per-report cost can be measured on its own.
/// </summary>
internal sealed class BambuReportPipeline
{
    private readonly BambuPayloadDecoder _decoder;

    /// <param name="shape">What of a report the cache keeps (default: what the normalizer reads).</param>
    public BambuReportPipeline(BambuInputFaultCounter faults, BambuCacheShape? shape = null)
    {
        _decoder = new BambuPayloadDecoder(faults);
        Cache = new BambuReportCache(new BambuReportSanitizer(faults), shape);
    }

    public BambuReportCache Cache { get; }

    /// <summary>For payloads the receiver did not even copy.</summary>
    public void RecordOversize(int length) => _decoder.RecordOversize(length);

    /// <summary>Null when the payload was refused (the decoder counted why).</summary>
    public BambuMessageKind? Accept(ReadOnlySpan<byte> payload, out JsonObject? acknowledgement)
    {
        acknowledgement = null;
        if (Cache.TryApply(payload) is { } kind)
        {
            return kind;
        }

        if (_decoder.Decode(payload) is not { } root)
        {
            return null;
        }

        return Cache.Apply(root, out acknowledgement);
    }

    /// <summary>The cached report as state; <paramref name="previous"/> is the last state reported.</summary>
    public PrinterState Normalize(PrinterState previous, bool lockedByReply, DateTimeOffset now) =>
        BambuReportNormalizer.Normalize(Cache, previous, lockedByReply, now);
}
