using System.Globalization;
using System.Text.Json.Nodes;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// Request payloads. Commands carry both <c>sequence_id</c> and <c>param: ""</c>: some firmware
/// silently drops a bare command.
/// </summary>
internal static class BambuCommandBuilder
{
    public static string RequestTopic(string serial) => $"device/{serial}/request";

    public static string ReportTopic(string serial) => $"device/{serial}/report";

    public static string Pushall() =>
        """{"pushing":{"sequence_id":"0","command":"pushall","version":1,"push_target":1}}""";

    public static string GetVersion() => """{"info":{"sequence_id":"0","command":"get_version"}}""";

    public static string CommandName(PrinterCommand command) => command switch
    {
        PrinterCommand.Cancel => "stop",
        PrinterCommand.Pause => "pause",
        _ => "resume",
    };

    public static string Print(PrinterCommand command, long sequenceId) => new JsonObject
    {
        ["print"] = new JsonObject
        {
            ["sequence_id"] = sequenceId.ToString(CultureInfo.InvariantCulture),
            ["command"] = CommandName(command),
            ["param"] = string.Empty,
        },
    }.ToJsonString();
}
