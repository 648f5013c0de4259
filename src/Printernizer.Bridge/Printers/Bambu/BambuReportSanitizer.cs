using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// Drops fields of a <c>print</c> report whose type cannot be right before they are merged,
/// so a broken value never replaces a good cached one.
/// </summary>
internal sealed class BambuReportSanitizer
{
    private enum Kind { Number, Text, Id, Object, Array }

    private static readonly FrozenDictionary<string, Kind> Expected = new Dictionary<string, Kind>
    {
        ["nozzle_temper"] = Kind.Number, ["nozzle_target_temper"] = Kind.Number,
        ["bed_temper"] = Kind.Number, ["bed_target_temper"] = Kind.Number, ["chamber_temper"] = Kind.Number,
        ["mc_percent"] = Kind.Number, ["mc_remaining_time"] = Kind.Number,
        ["layer_num"] = Kind.Number, ["total_layer_num"] = Kind.Number,
        ["stg_cur"] = Kind.Number, ["print_error"] = Kind.Number, ["spd_lvl"] = Kind.Number, ["spd_mag"] = Kind.Number,
        ["msg"] = Kind.Number, ["cooling_fan_speed"] = Kind.Number, ["big_fan1_speed"] = Kind.Number,
        ["big_fan2_speed"] = Kind.Number, ["heatbreak_fan_speed"] = Kind.Number,
        ["gcode_state"] = Kind.Text, ["subtask_name"] = Kind.Text, ["gcode_file"] = Kind.Text,
        ["task_id"] = Kind.Id, ["subtask_id"] = Kind.Id, ["job_id"] = Kind.Id,
        ["gcode_start_time"] = Kind.Id, ["print_type"] = Kind.Text, ["fun"] = Kind.Text,
        ["ams"] = Kind.Object, ["device"] = Kind.Object, ["vt_tray"] = Kind.Object, ["3D"] = Kind.Object,
        ["hms"] = Kind.Array, ["lights_report"] = Kind.Array, ["vir_slot"] = Kind.Array,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Kind>.AlternateLookup<ReadOnlySpan<char>> ExpectedBySpan =
        Expected.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly BambuInputFaultCounter _faults;

    public BambuReportSanitizer(BambuInputFaultCounter faults)
    {
        _faults = faults;
    }

    public void Sanitize(JsonObject print)
    {
        foreach (var (key, value) in print.ToList())
        {
            if (value is null || !Expected.TryGetValue(key, out var kind) || Fits(value, kind))
            {
                continue;
            }

            print.Remove(key);
            _faults.Record(BambuInputFault.WrongType, $"print.{key} has an unexpected type");
        }

        if (print["ams"] is JsonObject ams && ams["ams"] is { } units && units is not JsonArray)
        {
            ams.Remove("ams");
            _faults.Record(BambuInputFault.WrongType, "print.ams.ams is not an array");
        }
    }

    /// <summary>
    /// Whether <see cref="Sanitize"/> would keep this field as read from the bytes; false also when
    /// that cannot be told cheaply, so the caller takes the node path.
    /// </summary>
    /// <param name="name">Stands on a direct property name of <c>print</c> (not escaped).</param>
    /// <param name="value">Stands on its value.</param>
    public static bool Fits(ref Utf8JsonReader name, ref Utf8JsonReader value)
    {
        const int MaxChars = 64;
        // A null is skipped by Sanitize, and no expected name is that long.
        if (value.TokenType == JsonTokenType.Null || name.ValueSpan.Length > MaxChars)
        {
            return true;
        }

        Span<char> chars = stackalloc char[MaxChars];
        var length = name.CopyString(chars);
        if (!ExpectedBySpan.TryGetValue(chars[..length], out var kind))
        {
            return true;
        }

        return (kind, value.TokenType) switch
        {
            (Kind.Number, JsonTokenType.Number) => true,
            (Kind.Number, JsonTokenType.String) => NumberText(ref value),
            (Kind.Text, JsonTokenType.String) => true,
            (Kind.Id, JsonTokenType.String or JsonTokenType.Number) => true,
            (Kind.Object, JsonTokenType.StartObject) => true,
            (Kind.Array, JsonTokenType.StartArray) => true,
            _ => false,
        };
    }

    private static bool NumberText(ref Utf8JsonReader value)
    {
        const int MaxChars = 64;
        if (value.HasValueSequence || value.ValueSpan.Length > MaxChars)
        {
            return false;
        }

        Span<char> chars = stackalloc char[MaxChars];
        var length = value.CopyString(chars);
        return double.TryParse(chars[..length], NumberStyles.Float, CultureInfo.InvariantCulture, out _);
    }

    private static bool Fits(JsonNode value, Kind kind) => kind switch
    {
        Kind.Number => BambuJson.Number(value) is not null,
        Kind.Text => value is JsonValue v && v.GetValueKind() == JsonValueKind.String,
        Kind.Id => value is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number,
        Kind.Object => value is JsonObject,
        _ => value is JsonArray,
    };
}
