using System.Text.Json.Nodes;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// The cached <c>print</c> report and version info of one printer. Full reports (<c>msg: 0</c>)
/// replace it, everything else is merged in; command acknowledgements are never merged.
/// </summary>
internal sealed class BambuReportCache
{
    private readonly BambuReportSanitizer _sanitizer;

    public BambuReportCache(BambuReportSanitizer sanitizer)
    {
        _sanitizer = sanitizer;
    }

    public JsonObject Print { get; private set; } = [];

    /// <summary>A complete report (<c>msg: 0</c>, or a report without <c>msg</c>) has arrived.</summary>
    public bool HasReport { get; private set; }

    /// <summary>The printer sent a delta (<c>msg: 1</c>): it needs the periodic <c>pushall</c> even when its model is unknown.</summary>
    public bool SawDelta { get; private set; }

    public BambuVersionInfo Version { get; private set; } = BambuVersionInfo.Unknown;

    /// <summary>Applies one message; returns the <c>print</c> acknowledgement when it is one, for command matching.</summary>
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
        if (msg == 0)
        {
            Print = (JsonObject)print.DeepClone();
        }
        else
        {
            BambuReportMerger.Merge(Print, print);
        }

        // A delta that overtakes the pushall answer holds a few fields only (no gcode_state, no
        // temperatures): it is merged, but the state counts only from the first complete report.
        SawDelta |= msg == 1;
        HasReport |= msg != 1;
        return BambuMessageKind.Report;
    }
}
