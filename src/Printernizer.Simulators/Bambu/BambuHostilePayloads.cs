using System.Text;

namespace Printernizer.Simulators.Bambu;

/// <summary>The bad input a broken or hostile printer could send, one kind per call, in rotation.</summary>
internal static class BambuHostilePayloads
{
    public const int Kinds = 6;

    /// <summary>The job name sent in Latin-1 (not UTF-8), as some firmware does with umlauts.</summary>
    public const string Latin1JobName = "Grüße_Halter";

    public static byte[] Create(int kind) => (kind % Kinds) switch
    {
        0 => Encoding.UTF8.GetBytes("""{"print":{"command":"push_status","msg":1,"gcode_state":"RUNN"""),
        1 => Encoding.Latin1.GetBytes($$$"""{"print":{"command":"push_status","msg":1,"subtask_name":"{{{Latin1JobName}}}"}}"""),
        2 => Encoding.UTF8.GetBytes("""{"print":{"command":"push_status","msg":1,"nozzle_temper":"hot","mc_percent":{"value":5},"gcode_state":42,"hms":"none"}}"""),
        3 => Oversize(),
        4 => Encoding.UTF8.GetBytes("""{"print":{"command":"push_status","msg":1,"x":""" + new string('[', 100) + new string(']', 100) + "}}"),
        _ => Encoding.UTF8.GetBytes("[1,2,3]"),
    };

    private static byte[] Oversize()
    {
        var filler = new string('x', 1024 * 1024 + 16);
        return Encoding.UTF8.GetBytes($$$"""{"print":{"command":"push_status","msg":1,"subtask_name":"{{{filler}}}"}}""");
    }
}
