using System.Text;
using System.Text.Json;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Commands;

/// <summary>Reads <c>cancel</c> / <c>pause</c> / <c>resume</c>, or <c>{"command": "...", "transaction": "..."}</c>.</summary>
internal static class CommandParser
{
    private const int MaxPayloadBytes = 4096;
    private const int MaxTransactionLength = 128;

    public static CommandRequest Parse(ReadOnlySpan<byte> payload)
    {
        if (payload.Length > MaxPayloadBytes)
        {
            return new CommandRequest(null, null, null, $"command payload too large ({payload.Length} bytes)");
        }

        var text = Encoding.UTF8.GetString(payload).Trim();
        if (text.StartsWith('{'))
        {
            return ParseJson(text);
        }

        return FromWord(text, transaction: null);
    }

    private static CommandRequest ParseJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement;
            string? transaction = null;
            if (root.TryGetProperty("transaction", out var tx))
            {
                transaction = tx.ValueKind switch
                {
                    JsonValueKind.String => tx.GetString(),
                    JsonValueKind.Number => tx.GetRawText(),
                    _ => null,
                };
                if (transaction is { Length: > MaxTransactionLength })
                {
                    return new CommandRequest(null, null, null, $"transaction longer than {MaxTransactionLength} characters");
                }
            }

            if (!root.TryGetProperty("command", out var command) || command.ValueKind != JsonValueKind.String)
            {
                return new CommandRequest(null, null, transaction, "missing \"command\": expected cancel, pause or resume");
            }

            return FromWord(command.GetString()!.Trim(), transaction);
        }
        catch (JsonException)
        {
            return new CommandRequest(null, null, null, "invalid JSON: send cancel, pause or resume, or {\"command\": \"cancel\", \"transaction\": \"...\"}");
        }
    }

    private static CommandRequest FromWord(string word, string? transaction)
    {
        PrinterCommand? command = word.ToLowerInvariant() switch
        {
            "cancel" or "stop" => PrinterCommand.Cancel,
            "pause" => PrinterCommand.Pause,
            "resume" => PrinterCommand.Resume,
            _ => null,
        };
        var echo = word.Length > 32 ? word[..32] : word;
        return command is null
            ? new CommandRequest(echo, null, transaction, $"unknown command '{echo}': use cancel, pause or resume")
            : new CommandRequest(echo.ToLowerInvariant(), command, transaction, null);
    }
}
