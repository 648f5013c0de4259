using System.Text.Json;
using Printernizer.Bridge.IntegrationTests.Infrastructure;

namespace Printernizer.Bridge.FaultTests.Infrastructure;

/// <summary>Checks that what the bridge published is well formed: JSON where JSON belongs, values in range.</summary>
internal static class PublishedPayloadCheck
{
    private static readonly HashSet<string> Statuses = ["offline", "idle", "preparing", "printing", "paused", "finished", "failed", "cancelled", "attention", "busy", "error", "unknown"];

    /// <summary>Returns one line per problem; empty when every message is fine.</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<CapturedMessage> messages)
    {
        var problems = new List<string>();
        foreach (var message in messages.Where(m => m.Payload.Length > 0))
        {
            var kind = message.Topic.Split('/')[^1];
            if (message.Topic.StartsWith("homeassistant/", StringComparison.Ordinal) || kind is "info" or "event" or "result" or "state" or "temperature" or "progress" or "job" or "filament")
            {
                if (message.Topic.EndsWith("/bridge/state", StringComparison.Ordinal))
                {
                    continue;
                }

                try
                {
                    using var document = JsonDocument.Parse(message.Payload);
                    Check(kind, document.RootElement, message, problems);
                }
                catch (JsonException ex)
                {
                    problems.Add($"{message.Topic}: not JSON ({ex.Message})");
                }
            }
            else if (kind == "availability" && message.Text is not ("online" or "offline"))
            {
                problems.Add($"{message.Topic}: '{message.Text}'");
            }
        }

        return problems;
    }

    private static void Check(string kind, JsonElement root, CapturedMessage message, List<string> problems)
    {
        void Range(JsonElement parent, string name, double min, double max)
        {
            if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || number < min || number > max)
                {
                    problems.Add($"{message.Topic}: {name} = {value.GetRawText()} outside {min}..{max}");
                }
            }
        }

        switch (kind)
        {
            case "state":
                if (!Statuses.Contains(root.GetProperty("status").GetString() ?? ""))
                {
                    problems.Add($"{message.Topic}: status {root.GetProperty("status")}");
                }

                break;
            case "progress":
                Range(root, "percent", 0, 100);
                Range(root, "layer", 0, 1_000_000);
                Range(root, "total_layers", 0, 1_000_000);
                Range(root, "remaining_s", 0, 100L * 24 * 3600 * 365);
                Range(root, "elapsed_s", 0, 100L * 24 * 3600 * 365);
                break;
            case "temperature":
                foreach (var sensor in new[] { "nozzle", "bed", "chamber" })
                {
                    if (root.TryGetProperty(sensor, out var s) && s.ValueKind == JsonValueKind.Object)
                    {
                        Range(s, "current", -100, 1000);
                        Range(s, "target", -100, 1000);
                    }
                }

                break;
        }
    }
}
