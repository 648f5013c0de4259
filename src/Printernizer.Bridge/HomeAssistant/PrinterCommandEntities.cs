using System.Text.Json.Nodes;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Publishing;

namespace Printernizer.Bridge.HomeAssistant;

/// <summary>The cancel, pause and resume buttons and the job event entity.</summary>
internal static class PrinterCommandEntities
{
    public static IEnumerable<DiscoveryEntity> For(
        TopicLayout topics, string printerId, PrinterCapabilities capabilities, bool controlEnabled)
    {
        if (controlEnabled)
        {
            var command = topics.Command(printerId);
            yield return Button(command, PrinterCommand.Cancel, "Cancel print", "mdi:stop-circle-outline");
            if (capabilities.Pause)
            {
                yield return Button(command, PrinterCommand.Pause, "Pause print", "mdi:pause-circle-outline");
                yield return Button(command, PrinterCommand.Resume, "Resume print", "mdi:play-circle-outline");
            }
        }

        // The event payload names its type in event_type, which the event entity reads without a
        // template. It follows the bridge only: an entity that is unavailable while its printer is
        // away would swallow printer_offline and printer_online, which arrive right at the flip.
        yield return new DiscoveryEntity("event", "job_event", "Job event", new JsonObject
        {
            ["state_topic"] = topics.Event(printerId),
            ["event_types"] = new JsonArray(PrinterEventTypeExtensions.AllWireValues.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
            ["icon"] = "mdi:printer-3d",
        }, EntityAvailability.BridgeOnly);
    }

    // Never retained: a retained cancel would be replayed to the bridge on every reconnect.
    private static DiscoveryEntity Button(string commandTopic, PrinterCommand command, string name, string icon)
    {
        var word = CommandWord(command);
        return new DiscoveryEntity("button", word, name, new JsonObject
        {
            ["command_topic"] = commandTopic,
            ["payload_press"] = word,
            ["retain"] = false,
            ["icon"] = icon,
        });
    }

    private static string CommandWord(PrinterCommand command) => command switch
    {
        PrinterCommand.Cancel => "cancel",
        PrinterCommand.Pause => "pause",
        PrinterCommand.Resume => "resume",
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
    };
}
