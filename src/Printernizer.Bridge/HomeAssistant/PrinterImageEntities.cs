using System.Text.Json.Nodes;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Files;
using Printernizer.Bridge.Publishing;

namespace Printernizer.Bridge.HomeAssistant;

/// <summary>The job's cover image: raw PNG bytes on <c>&lt;base&gt;/&lt;id&gt;/thumbnail</c>.</summary>
internal static class PrinterImageEntities
{
    public static IEnumerable<DiscoveryEntity> For(TopicLayout topics, string printerId, PrinterCapabilities capabilities)
    {
        if (!capabilities.Thumbnail)
        {
            yield break;
        }

        // image_topic carries the file bytes; without content_type HA assumes JPEG.
        yield return new DiscoveryEntity("image", "job_cover", "Job cover", new JsonObject
        {
            ["image_topic"] = FileTopics.Thumbnail(topics, printerId),
            ["content_type"] = "image/png",
            ["icon"] = "mdi:image-outline",
        });
    }
}
