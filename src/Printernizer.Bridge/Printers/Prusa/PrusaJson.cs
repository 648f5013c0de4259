using System.Text.Json;

namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>
/// Tolerant field access: the two PrusaLink servers omit, null or retype fields freely
/// (facts §3), so a wrong type reads as absent instead of failing the whole body.
/// </summary>
internal static class PrusaJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    /// <summary>Parses a body; throws <see cref="PrusaBadResponseException"/> for anything but a JSON object.</summary>
    public static JsonDocument ParseObject(string body, string what)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException)
        {
            throw new PrusaBadResponseException($"{what}: invalid JSON");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new PrusaBadResponseException($"{what}: not a JSON object");
        }

        return document;
    }

    public static JsonElement? Object(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    public static JsonElement? Array(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value
            : null;

    public static string? String(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static double? Number(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : null;

    /// <summary>Integers may arrive as <c>37.00</c>; they are rounded. Out-of-range values read as absent.</summary>
    public static int? Int(JsonElement parent, string name) =>
        Number(parent, name) is { } number && number is >= int.MinValue and <= int.MaxValue ? (int)Math.Round(number) : null;

    /// <summary>Sizes: a number, or a string of digits as the transfer endpoint sends it.</summary>
    public static long? Long(JsonElement parent, string name)
    {
        if (Number(parent, name) is { } number && number is >= long.MinValue and <= long.MaxValue)
        {
            return (long)Math.Round(number);
        }

        return long.TryParse(String(parent, name), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }

    public static bool? Bool(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            }
            : null;
}
