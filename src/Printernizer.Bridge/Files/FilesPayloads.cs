using System.Text.Json.Nodes;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Files;

/// <summary>The JSON answers on <c>files/response</c>: snake_case, absent values null.</summary>
internal static class FilesPayloads
{
    public static JsonObject Entry(PrinterFileEntry entry) => new()
    {
        ["name"] = entry.Name,
        ["path"] = entry.Path,
        ["size"] = entry.Size,
        ["modified"] = entry.Modified?.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        ["type"] = entry.Type.ToWire(),
        ["display_name"] = entry.DisplayName,
    };

    public static byte[] Listing(FilesRequest request, IReadOnlyList<PrinterFileEntry> entries) =>
        Serialize(Base(request, "ok", null, new JsonObject { ["entries"] = new JsonArray(entries.Select(e => (JsonNode)Entry(e)).ToArray()) }));

    public static byte[] Downloaded(FilesRequest request, string localPath, long size, string sha256) =>
        Serialize(Base(request, "ok", null, new JsonObject { ["local_path"] = localPath, ["size"] = size, ["sha256"] = sha256 }));

    public static byte[] Error(FilesRequest request, string error) => Serialize(Base(request, "error", error, []));

    private static JsonObject Base(FilesRequest request, string status, string? error, JsonObject extra)
    {
        var payload = new JsonObject
        {
            ["action"] = request.Action,
            ["path"] = request.Path,
            ["status"] = status,
            ["error"] = error,
        };
        foreach (var (key, value) in extra.ToArray())
        {
            extra.Remove(key);
            payload[key] = value;
        }

        payload["transaction"] = request.Transaction;
        return payload;
    }

    private static byte[] Serialize(JsonObject payload) => System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString());
}
