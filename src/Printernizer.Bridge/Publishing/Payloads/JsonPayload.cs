using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Printernizer.Bridge.Publishing.Payloads;

/// <summary>
/// Writes payloads with a fixed property order and explicit nulls (SPEC §2: absent values are
/// <c>null</c>, never missing keys), so that equal state always gives equal bytes.
/// </summary>
internal static class JsonPayload
{
    // The relaxed encoder keeps '+' in "+00:00" and non-ASCII job names readable; payloads are never embedded in HTML.
    public static readonly JsonWriterOptions WriterOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static void Number(this Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumber(name, Math.Round(v, 2));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public static void Number(this Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public static void Text(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    public static void Flag(this Utf8JsonWriter writer, string name, bool? value)
    {
        if (value is { } v)
        {
            writer.WriteBoolean(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>ISO 8601 in UTC with an explicit offset, e.g. <c>2026-11-25T14:03:00+00:00</c>.</summary>
    public static void Timestamp(this Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        writer.Text(name, value is { } v ? FormatTimestamp(v) : null);
    }

    public static string FormatTimestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
}
