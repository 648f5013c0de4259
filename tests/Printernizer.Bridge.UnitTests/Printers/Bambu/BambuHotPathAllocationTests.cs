using System.Text;
using System.Text.Json.Nodes;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Printers.Bambu;
using Xunit.Abstractions;

namespace Printernizer.Bridge.UnitTests.Printers.Bambu;

/// <summary>
/// Issue 7: a P1/A1 delta through decode, cache merge and normalize (what the session runner does per
/// message) allocates under 2 KB. Allocation is deterministic for a given input, so it is asserted; time never is.
/// </summary>
public sealed class BambuHotPathAllocationTests
{
    private const int Budget = 2048;
    private const int Iterations = 200;

    private readonly ITestOutputHelper _output;

    public BambuHotPathAllocationTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void AcceptAndNormalize_AlternatingP1sDeltas_AllocatesUnderTwoKilobytesPerReport()
    {
        var pipeline = new BambuReportPipeline(BambuFixtures.NewFaults());
        var state = BambuFixtures.Empty();
        pipeline.Accept(BambuFixtures.Bytes("p1s_pushall_idle_ams.json"), out _);
        state = pipeline.Normalize(state, lockedByReply: false, BambuFixtures.Now);
        var deltas = Deltas();

        var sequence = 1000;
        for (var i = 0; i < 50; i++)
        {
            state = Feed(pipeline, deltas, state, ref sequence);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Iterations; i++)
        {
            state = Feed(pipeline, deltas, state, ref sequence);
        }

        var perReport = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)(Iterations * deltas.Count);
        _output.WriteLine($"{perReport:F0} bytes per report");

        Assert.Equal(PrinterStatus.Idle, state.Status);
        Assert.True(perReport < Budget, $"{perReport:F0} bytes per report, budget {Budget}");
    }

    [Fact]
    public void AcceptAndNormalize_AlternatingP1sDeltas_ChangeTheState()
    {
        var pipeline = new BambuReportPipeline(BambuFixtures.NewFaults());
        pipeline.Accept(BambuFixtures.Bytes("p1s_pushall_idle_ams.json"), out _);
        var deltas = Deltas();
        var sequence = 0;
        var states = new List<PrinterState>();
        var state = BambuFixtures.Empty();
        for (var i = 0; i < deltas.Count; i++)
        {
            state = Feed(pipeline, deltas, state, ref sequence);
            states.Add(state);
        }

        Assert.Equal(new Temperature(29.53125, 0), states[0].Temperatures.Bed);
        Assert.Equal(13, states[0].Filament.Units[0].Trays[0].Remain);
        Assert.Equal(new Temperature(30.0, 0), states[1].Temperatures.Bed);
        Assert.Equal(12, states[1].Filament.Units[0].Trays[0].Remain);
        Assert.Equal(13.0, states[1].Filament.Units[0].Humidity);
        Assert.Equal(new Temperature(35.5, 0), states[2].Temperatures.Nozzle);
        Assert.Equal(new Temperature(29.0, 0), states[3].Temperatures.Bed);
        Assert.Equal(new Temperature(29.4375, 0), states[3].Temperatures.Nozzle);
    }

    private static PrinterState Feed(BambuReportPipeline pipeline, IReadOnlyList<byte[]> deltas, PrinterState state, ref int sequence)
    {
        var delta = deltas[sequence % deltas.Count];
        sequence++;
        Assert.Equal(BambuMessageKind.Report, pipeline.Accept(delta, out _));
        return pipeline.Normalize(state, lockedByReply: false, BambuFixtures.Now);
    }

    /// <summary>
    /// The real P1S delta (full AMS block), the same with a tray's remain, the humidity and the bed
    /// changed, and two small temperature deltas with the fixture's fields, so every report changes something.
    /// </summary>
    private static List<byte[]> Deltas()
    {
        var real = BambuFixtures.Bytes("p1s_delta_ams_block.json");
        var changed = BambuFixtures.Load("p1s_delta_ams_block.json");
        var print = changed["print"]!.AsObject();
        print["bed_temper"] = 30.0;
        print["sequence_id"] = "728";
        var unit = print["ams"]!["ams"]![0]!.AsObject();
        unit["humidity_raw"] = "13";
        unit["tray"]![0]!["remain"] = 12;
        return
        [
            real,
            Encoding.UTF8.GetBytes(changed.ToJsonString()),
            """{"print":{"nozzle_temper":35.5,"wifi_signal":"-51dBm","command":"push_status","msg":1,"sequence_id":"729"}}"""u8.ToArray(),
            """{"print":{"bed_temper":29.0,"nozzle_temper":29.4375,"wifi_signal":"-50dBm","command":"push_status","msg":1,"sequence_id":"730"}}"""u8.ToArray(),
        ];
    }
}
