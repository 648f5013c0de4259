using System.Text.Json.Nodes;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Printers.Bambu;

namespace Printernizer.Bridge.UnitTests.Printers.Bambu;

/// <summary>Start and finish times: the report's <c>gcode_start_time</c> when present, else the transition as seen.</summary>
public sealed class BambuJobReaderTests
{
    private static readonly DateTimeOffset T0 = BambuFixtures.Now;

    [Fact]
    public void Job_ReportedStartTime_WinsOverTransition()
    {
        var print = Print("RUNNING", """ "gcode_start_time": "1764079200" """);

        var job = BambuJobReader.Job(print, PrinterStatus.Printing, Previous(PrinterStatus.Idle, PrintJob.None), T0);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764079200), job.StartedAt);
    }

    [Fact]
    public void Job_NoStartTime_UsesTransitionAndKeepsIt()
    {
        var print = Print("RUNNING", "");
        var started = BambuJobReader.Job(print, PrinterStatus.Printing, Previous(PrinterStatus.Idle, PrintJob.None), T0);

        var later = BambuJobReader.Job(print, PrinterStatus.Printing, Previous(PrinterStatus.Printing, started), T0.AddMinutes(5));
        var finished = BambuJobReader.Job(Print("FINISH", ""), PrinterStatus.Finished, Previous(PrinterStatus.Printing, later), T0.AddMinutes(9));
        var stillFinished = BambuJobReader.Job(Print("FINISH", ""), PrinterStatus.Finished, Previous(PrinterStatus.Finished, finished), T0.AddMinutes(20));

        Assert.Equal(T0, later.StartedAt);
        Assert.Equal((T0, T0.AddMinutes(9)), (finished.StartedAt!.Value, finished.FinishedAt!.Value));
        Assert.Equal(T0.AddMinutes(9), stillFinished.FinishedAt);
    }

    private static PrinterState Previous(PrinterStatus status, PrintJob job) =>
        BambuFixtures.Empty() with { HasData = true, Status = status, Job = job };

    private static JsonObject Print(string state, string extra) => (JsonObject)JsonNode.Parse(
        $$"""{"gcode_state":"{{state}}","subtask_name":"a","layer_num":7,"total_layer_num":100{{(extra.Length > 0 ? "," + extra : "")}}}""")!;
}
