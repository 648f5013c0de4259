using System.Text.Json;
using System.Text.Json.Nodes;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// The cached <c>print</c> report and version info of one printer. Full reports (<c>msg: 0</c>)
/// replace it, everything else is merged in; command acknowledgements are never merged.
/// </summary>
internal sealed class BambuReportCache
{
    private readonly BambuReportSanitizer _sanitizer;
    private readonly BambuReportScreen _screen = new();
    private readonly BambuPropertyNames _names = new();
    private readonly BambuCacheShape _shape;
    private FilamentState? _filament;
    private IReadOnlyList<HmsEntry>? _hms;

    /// <param name="shape">What of a report is kept; <see cref="BambuCacheShape.Read"/> unless a test compares against everything.</param>
    public BambuReportCache(BambuReportSanitizer sanitizer, BambuCacheShape? shape = null)
    {
        _sanitizer = sanitizer;
        _shape = shape ?? BambuCacheShape.Read;
    }

    public JsonObject Print { get; private set; } = [];

    /// <summary>A complete report (<c>msg: 0</c>, or a report without <c>msg</c>) has arrived.</summary>
    public bool HasReport { get; private set; }

    /// <summary>The printer sent a delta (<c>msg: 1</c>): it needs the periodic <c>pushall</c> even when its model is unknown.</summary>
    public bool SawDelta { get; private set; }

    public BambuVersionInfo Version { get; private set; } = BambuVersionInfo.Unknown;

    /// <summary>
    /// AMS units and spools read from <see cref="Print"/>, read again only after <c>ams</c>,
    /// <c>vt_tray</c> or <c>vir_slot</c> changed: P1/A1 repeat the whole AMS block every few seconds.
    /// </summary>
    public FilamentState Filament => _filament ??= BambuFilamentReader.Read(Print);

    /// <summary>The HMS entries of <see cref="Print"/>, read again only after <c>hms</c> changed.</summary>
    public IReadOnlyList<HmsEntry> Hms => _hms ??= BambuHmsDecoder.Decode(Print["hms"]);

    /// <summary>
    /// Applies one message; returns the <c>print</c> acknowledgement when it is one, for command matching.
    /// A report's <c>print</c> object is changed in place: wrongly typed fields and what the cache does not keep are removed.
    /// </summary>
    public BambuMessageKind Apply(JsonObject root, out JsonObject? acknowledgement)
    {
        acknowledgement = null;
        if (root["info"] is JsonObject info && BambuJson.String(info["command"]) == "get_version")
        {
            Version = BambuVersionInfo.Parse(info);
            return BambuMessageKind.Version;
        }

        if (root["print"] is not JsonObject print)
        {
            return BambuMessageKind.Ignored;
        }

        if (print.ContainsKey("result") || print.ContainsKey("err_code"))
        {
            acknowledgement = print;
            return BambuMessageKind.Acknowledgement;
        }

        var command = BambuJson.String(print["command"]);
        if (command is not (null or "push_status"))
        {
            return BambuMessageKind.Ignored;
        }

        _sanitizer.Sanitize(print);
        var msg = BambuJson.Int(print["msg"]);
        _shape.Prune(print);
        ForgetReads();
        if (msg == 0)
        {
            Print = (JsonObject)print.DeepClone();
        }
        else
        {
            BambuReportMerger.Merge(Print, print);
        }

        Remember(msg);
        return BambuMessageKind.Report;
    }

    /// <summary>
    /// Applies a plain <c>push_status</c> report straight from its bytes, merging only what changed.
    /// Null when the payload is anything else (a fault, an acknowledgement, version info, a field
    /// the sanitizer would drop): the caller then decodes it and uses <see cref="Apply"/>.
    /// </summary>
    public BambuMessageKind? TryApply(ReadOnlySpan<byte> payload)
    {
        if (!_screen.TryScreen(payload, out var msg))
        {
            return null;
        }

        var reader = new Utf8JsonReader(payload);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isPrint = reader.ValueTextEquals("print"u8);
            reader.Read();
            if (!isPrint)
            {
                reader.Skip();
                continue;
            }

            // A full report replaces the cache, but through the same keep-what-is-equal merge:
            // printers that send only full reports repeat nearly all of the last one every second.
            var start = reader;
            var seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!_shape.TryEnter(ref reader, _names, out var key, out var shape))
                {
                    continue;
                }

                seen++;
                var changed = msg == 0
                    ? BambuUtf8Merger.SyncValue(Print, key, ref reader, _names, shape)
                    : BambuUtf8Merger.MergeValue(Print, key, ref reader, _names, shape);
                if (changed)
                {
                    Changed(key);
                }
            }

            if (msg == 0 && BambuUtf8Merger.RemoveMissing(Print, start, seen))
            {
                ForgetReads();
            }

            break;
        }

        Remember(msg);
        return BambuMessageKind.Report;
    }

    private void Changed(string key)
    {
        switch (key)
        {
            case "ams" or "vt_tray" or "vir_slot":
                _filament = null;
                break;
            case "hms":
                _hms = null;
                break;
        }
    }

    private void ForgetReads()
    {
        _filament = null;
        _hms = null;
    }

    private void Remember(int? msg)
    {
        // A delta that overtakes the pushall answer holds a few fields only (no gcode_state, no
        // temperatures): it is merged, but the state counts only from the first complete report.
        SawDelta |= msg == 1;
        HasReport |= msg != 1;
    }
}
