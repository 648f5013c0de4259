using System.Text.Json;

namespace Printernizer.Bridge.Files;

/// <summary><c>{"action": "list"|"download", "path": "...", "transaction": "..."}</c>; <see cref="Error"/> when unusable.</summary>
internal sealed record FilesRequest(string? Action, string Path, string? Transaction, string? Error)
{
    public static FilesRequest Parse(byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new FilesRequest(null, "/", null, "expected a JSON object with action, path and transaction");
            }

            var action = Text(root, "action")?.ToLowerInvariant();
            var path = Text(root, "path") ?? "/";
            var transaction = Text(root, "transaction");
            return action switch
            {
                "list" or "download" when action == "list" || path.Trim('/').Length > 0 => new FilesRequest(action, path, transaction, null),
                "download" => new FilesRequest(action, path, transaction, "download needs the path of a file"),
                _ => new FilesRequest(action, path, transaction, "action must be 'list' or 'download'"),
            };
        }
        catch (JsonException)
        {
            return new FilesRequest(null, "/", null, "the request is not valid JSON");
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
