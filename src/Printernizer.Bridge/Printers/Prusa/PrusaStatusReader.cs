using System.Text.Json;

namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>Reads <c>/api/v1/status</c>, <c>/api/v1/storage</c> and <c>/api/v1/transfer</c> in both dialects.</summary>
internal static class PrusaStatusReader
{
    public const string UnknownState = "UNKNOWN";

    public static PrusaStatus Read(string body)
    {
        using var document = PrusaJson.ParseObject(body, "/api/v1/status");
        var root = document.RootElement;
        var printer = PrusaJson.Object(root, "printer")
            ?? throw new PrusaBadResponseException("/api/v1/status: no printer object");

        return new PrusaStatus(
            PrusaJson.String(printer, "state")?.ToUpperInvariant() ?? UnknownState,
            PrusaJson.Number(printer, "temp_nozzle"),
            PrusaJson.Number(printer, "target_nozzle"),
            PrusaJson.Number(printer, "temp_bed"),
            PrusaJson.Number(printer, "target_bed"),
            PrusaJson.Number(printer, "axis_z"),
            PrusaJson.Int(printer, "flow"),
            PrusaJson.Int(printer, "speed"),
            PrusaJson.Int(printer, "fan_hotend"),
            PrusaJson.Int(printer, "fan_print"),
            ReadJob(PrusaJson.Object(root, "job")),
            PrusaJson.Object(root, "transfer") is { } transfer ? ReadTransfer(transfer) : null,
            ReadStatusStorage(root));
    }

    /// <summary><c>GET /api/v1/storage</c>: <c>{storage_list: [...]}</c>.</summary>
    public static IReadOnlyList<PrusaStorage> ReadStorageList(string body)
    {
        using var document = PrusaJson.ParseObject(body, "/api/v1/storage");
        return PrusaJson.Array(document.RootElement, "storage_list") is { } list
            ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(ReadStorage).ToArray()
            : [];
    }

    /// <summary><c>GET /api/v1/transfer</c> (call only for a 200; 204 means no transfer).</summary>
    public static PrusaTransferStatus? ReadTransferBody(string body)
    {
        using var document = PrusaJson.ParseObject(body, "/api/v1/transfer");
        return ReadTransfer(document.RootElement);
    }

    private static PrusaStatusJob? ReadJob(JsonElement? job) =>
        job is { } j && PrusaJson.Int(j, "id") is { } id
            ? new PrusaStatusJob(id, PrusaJson.Number(j, "progress"), PrusaJson.Int(j, "time_remaining"), PrusaJson.Int(j, "time_printing"))
            : null;

    private static PrusaTransferStatus? ReadTransfer(JsonElement transfer) =>
        PrusaJson.Int(transfer, "id") is { } id
            ? new PrusaTransferStatus(
                id,
                PrusaJson.Number(transfer, "progress"),
                PrusaJson.Long(transfer, "transferred") ?? PrusaJson.Long(transfer, "data_transferred"),
                PrusaJson.Int(transfer, "time_transferring"),
                PrusaJson.String(transfer, "display_name"),
                PrusaJson.Long(transfer, "size"))
            : null;

    private static PrusaStorage[] ReadStatusStorage(JsonElement root)
    {
        if (!root.TryGetProperty("storage", out var storage))
        {
            return [];
        }

        return storage.ValueKind switch
        {
            JsonValueKind.Object => [ReadStorage(storage)],
            JsonValueKind.Array => storage.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(ReadStorage).ToArray(),
            _ => [],
        };
    }

    private static PrusaStorage ReadStorage(JsonElement storage) => new(
        PrusaJson.String(storage, "name"),
        PrusaJson.String(storage, "path"),
        PrusaJson.String(storage, "type"),
        PrusaJson.Bool(storage, "read_only") ?? PrusaJson.Bool(storage, "ro"),
        PrusaJson.Bool(storage, "available"),
        PrusaJson.Long(storage, "free_space"));
}
