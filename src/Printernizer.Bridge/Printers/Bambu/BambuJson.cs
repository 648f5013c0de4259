using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// Tolerant readers for report values: the printer sends many numbers as strings, and a value
/// of the wrong type reads as absent instead of throwing.
/// </summary>
internal static class BambuJson
{
    public static double? Number(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            // A parsed number reads directly (the hot path: every report); a node built in code may
            // hold an int that TryGetValue<double> refuses, so that one goes through its text.
            JsonValueKind.Number => value.TryGetValue<double>(out var direct)
                ? direct
                : double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
            JsonValueKind.String => double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
            _ => null,
        };
    }

    public static long? Long(JsonNode? node)
    {
        var number = Number(node);
        return number is { } d && !double.IsNaN(d) && d >= long.MinValue && d <= long.MaxValue ? (long)Math.Round(d) : null;
    }

    public static int? Int(JsonNode? node)
    {
        var number = Long(node);
        return number is { } l && l >= int.MinValue && l <= int.MaxValue ? (int)l : null;
    }

    public static string? String(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        };
    }

    /// <summary>A string value that is neither empty nor whitespace.</summary>
    public static string? Text(JsonNode? node)
    {
        var text = String(node);
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    public static bool? Bool(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? value.GetValue<bool>() : null;

    /// <summary>Hex bit fields such as <c>fun</c> and <c>tray_exist_bits</c>.</summary>
    public static ulong? Hex(JsonNode? node)
    {
        var text = String(node);
        return text is not null && ulong.TryParse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var bits) ? bits : null;
    }

    public static JsonObject? Object(JsonNode? node) => node as JsonObject;

    /// <summary>Walks object keys; null as soon as a step is missing or not an object (indexing a value would throw).</summary>
    public static JsonNode? Path(JsonNode? node, params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            if (node is not JsonObject obj)
            {
                return null;
            }

            node = obj[key];
        }

        return node;
    }

    public static JsonArray? Array(JsonNode? node) => node as JsonArray;

    public static BambuObjectElements Objects(JsonNode? node) => new(node as JsonArray);
}
