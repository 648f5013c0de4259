using System.Text;
using System.Text.Json;

namespace Printernizer.Bridge.Observability;

/// <summary>A parsed <c>restart_printer</c> request: a bare printer id or <c>{"printer": "...", "transaction": "..."}</c>.</summary>
internal sealed record RestartRequest(string? PrinterId, string? Transaction, string? Error)
{
    private const int MaxPayloadBytes = 1024;
    private const int MaxFieldLength = 128;

    public static RestartRequest Parse(ReadOnlySpan<byte> payload)
    {
        if (payload.Length > MaxPayloadBytes)
        {
            return new RestartRequest(null, null, $"request payload too large ({payload.Length} bytes)");
        }

        var text = Encoding.UTF8.GetString(payload).Trim();
        if (!text.StartsWith('{'))
        {
            return text.Length is > 0 and <= MaxFieldLength
                ? new RestartRequest(text, null, null)
                : new RestartRequest(null, null, "expected a printer id or {\"printer\": \"...\", \"transaction\": \"...\"}");
        }

        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 4 });
            var transaction = Field(document.RootElement, "transaction");
            var printer = Field(document.RootElement, "printer");
            return printer is null
                ? new RestartRequest(null, transaction, "missing \"printer\": expected {\"printer\": \"<id>\"}")
                : new RestartRequest(printer, transaction, null);
        }
        catch (JsonException)
        {
            return new RestartRequest(null, null, "invalid JSON: send a printer id or {\"printer\": \"<id>\", \"transaction\": \"...\"}");
        }
    }

    private static string? Field(JsonElement root, string name)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return text is { Length: > 0 and <= MaxFieldLength } ? text : null;
    }
}
