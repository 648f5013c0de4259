using System.Text.Json.Nodes;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Publishing;

namespace Printernizer.Bridge.HomeAssistant;

/// <summary>Progress, times and job name from the progress and job topics (SPEC §3.3, §3.4).</summary>
internal static class PrinterJobEntities
{
    public static IEnumerable<DiscoveryEntity> For(TopicLayout topics, string printerId, PrinterCapabilities capabilities)
    {
        var progress = topics.Progress(printerId);
        var job = topics.Job(printerId);

        // A plain percentage has no device class in HA; the state class gives it history graphs.
        yield return new DiscoveryEntity("sensor", "progress", "Progress", new JsonObject
        {
            ["state_topic"] = progress,
            ["value_template"] = ValueTemplates.Field("percent"),
            ["state_class"] = "measurement",
            ["unit_of_measurement"] = "%",
            ["suggested_display_precision"] = 0,
            ["icon"] = "mdi:progress-clock",
        });

        if (capabilities.Layers)
        {
            yield return Count(progress, "layer", "current_layer", "Current layer");
            yield return Count(progress, "total_layers", "total_layers", "Total layers");
        }

        yield return new DiscoveryEntity("sensor", "remaining_time", "Remaining time", new JsonObject
        {
            ["state_topic"] = progress,
            ["value_template"] = ValueTemplates.Field("remaining_s"),
            ["device_class"] = "duration",
            ["unit_of_measurement"] = "s",
            ["icon"] = "mdi:timer-sand",
        });

        yield return Timestamp(progress, "eta", "eta", "Estimated finish", "mdi:clock-end");
        yield return Timestamp(job, "started_at", "start_time", "Start time", "mdi:clock-start");

        yield return new DiscoveryEntity("sensor", "job_name", "Job name", new JsonObject
        {
            ["state_topic"] = job,
            ["value_template"] = ValueTemplates.Field("name"),
            ["icon"] = "mdi:file-document-outline",
        });
    }

    private static DiscoveryEntity Count(string topic, string key, string objectId, string name) =>
        new("sensor", objectId, name, new JsonObject
        {
            ["state_topic"] = topic,
            ["value_template"] = ValueTemplates.Field(key),
            ["state_class"] = "measurement",
            ["icon"] = "mdi:layers-triple",
        });

    // Timestamps are non-numeric in HA: a unit or state class would break the entity.
    private static DiscoveryEntity Timestamp(string topic, string key, string objectId, string name, string icon) =>
        new("sensor", objectId, name, new JsonObject
        {
            ["state_topic"] = topic,
            ["value_template"] = ValueTemplates.Field(key),
            ["device_class"] = "timestamp",
            ["icon"] = icon,
        });
}
