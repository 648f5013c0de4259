using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// Compares cached nodes with values still in the payload bytes, without allocating, so a delta
/// that repeats what the cache holds (most of every AMS block) changes and allocates nothing.
/// Strings and booleans still backed by a parsed document (after a report took the node path)
/// never compare equal: they are replaced once by plain values, which read without allocating.
/// </summary>
internal static class BambuNodeComparer
{
    private const int MaxNumberBytes = 32;

    /// <summary>
    /// Whether <paramref name="existing"/> holds exactly the value the reader stands on; on true the
    /// reader has moved to the value's last token, on false it is left anywhere (pass a copy).
    /// </summary>
    /// <param name="shape">What of the value the cache keeps: the rest of it is not compared.</param>
    public static bool SameContent(JsonNode? existing, ref Utf8JsonReader reader, BambuCacheShape shape)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return existing is null;
            case JsonTokenType.True or JsonTokenType.False:
                return Plain(existing) is { } flag && flag.TryGetValue<bool>(out var b) && b == (reader.TokenType == JsonTokenType.True);
            case JsonTokenType.String:
                return Plain(existing) is { } text && text.TryGetValue<string>(out var s) && reader.ValueTextEquals(s);
            case JsonTokenType.Number:
                // A literal no double prints back (1.0, ids beyond 2^53) stays document-backed: compare its text.
                return existing is JsonValue number && (number.TryGetValue<JsonElement>(out var element)
                    ? element.ValueKind == JsonValueKind.Number && JsonMarshal.GetRawUtf8Value(element).SequenceEqual(reader.ValueSpan)
                    : number.TryGetValue<double>(out var d) && IsExactText(d, reader.ValueSpan));
            case JsonTokenType.StartObject:
                return existing is JsonObject obj && SameObject(obj, ref reader, shape);
            case JsonTokenType.StartArray:
                return existing is JsonArray array && SameArray(array, ref reader, shape);
            default:
                return false;
        }
    }

    /// <summary>
    /// <c>BambuJson.String(node) == text of the id the reader stands on</c> (a string, or a number's
    /// literal text), as the node merger matches AMS units, trays and lights.
    /// </summary>
    public static bool SameId(JsonNode? node, ref Utf8JsonReader id)
    {
        if (node is not JsonValue value)
        {
            return false;
        }

        if (Plain(value) is not null)
        {
            if (value.TryGetValue<string>(out var s))
            {
                return TextEquals(ref id, s);
            }

            if (value.TryGetValue<double>(out var d))
            {
                Span<byte> formatted = stackalloc byte[MaxNumberBytes];
                return d.TryFormat(formatted, out var written, default, CultureInfo.InvariantCulture)
                    && (id.TokenType == JsonTokenType.Number
                        ? id.ValueSpan.SequenceEqual(formatted[..written])
                        : id.ValueTextEquals(formatted[..written]));
            }
        }

        // Document-backed or built in code: rare, read through the tolerant reader.
        return BambuJson.String(value) is { } text && TextEquals(ref id, text);
    }

    /// <summary>Whether a double prints back as exactly this literal, so storing the double loses nothing.</summary>
    public static bool IsExactText(double value, ReadOnlySpan<byte> literal)
    {
        Span<byte> formatted = stackalloc byte[MaxNumberBytes];
        return double.IsFinite(value)
            && value.TryFormat(formatted, out var written, default, CultureInfo.InvariantCulture)
            && formatted[..written].SequenceEqual(literal);
    }

    private static bool SameObject(JsonObject obj, ref Utf8JsonReader reader, BambuCacheShape shape)
    {
        var index = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!shape.TryChild(ref reader, out var childShape))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            if (index >= obj.Count)
            {
                return false;
            }

            var (key, child) = obj.GetAt(index++);
            if (!reader.ValueTextEquals(key) || !reader.Read() || !SameContent(child, ref reader, childShape))
            {
                return false;
            }
        }

        return index == obj.Count;
    }

    private static bool SameArray(JsonArray array, ref Utf8JsonReader reader, BambuCacheShape shape)
    {
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (index >= array.Count || !SameContent(array[index++], ref reader, shape))
            {
                return false;
            }
        }

        return index == array.Count;
    }

    /// <summary>The value when it holds a plain .NET value rather than a piece of a parsed document.</summary>
    private static JsonValue? Plain(JsonNode? node) =>
        node is JsonValue value && !value.TryGetValue<JsonElement>(out _) ? value : null;

    private static bool TextEquals(ref Utf8JsonReader id, string text) =>
        id.TokenType == JsonTokenType.String ? id.ValueTextEquals(text) : Ascii.Equals(id.ValueSpan, text);
}
