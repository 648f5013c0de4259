using System.Text.Json.Nodes;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Printers.Bambu;

namespace Printernizer.Bridge.UnitTests.Printers.Bambu;

/// <summary>Delta printers: a steady stream of deltas with nothing new does not move the state; deltas alone are no state.</summary>
public sealed class BambuSteadyReportTests
{
    [Fact]
    public void Normalize_WifiOnlyDeltaSecondsLater_SameContentAndSameProgress()
    {
        var cache = BambuFixtures.NewCache();
        cache.Apply(BambuFixtures.Load("p1s_pushall_idle_ams.json"), out _);
        cache.Apply(Delta("""{"gcode_state":"RUNNING","mc_percent":10,"mc_remaining_time":50,"layer_num":3,"total_layer_num":90,"subtask_name":"steady"}"""), out _);
        var first = Normalize(cache, BambuFixtures.Empty(), BambuFixtures.Now);

        cache.Apply(Delta("""{"wifi_signal":"-51dBm"}"""), out _);
        var later = Normalize(cache, first, BambuFixtures.Now.AddSeconds(3));

        Assert.True(PrinterStateContent.SameExceptUpdatedAt(first, later));
        Assert.Equal(first.Progress, later.Progress);
        Assert.Equal(BambuFixtures.Now.AddMinutes(50), later.Progress.Eta);
    }

    [Fact]
    public void Apply_DeltaFromUnknownModel_MarksThePrinterAsDeltaSender()
    {
        var cache = BambuFixtures.NewCache();
        cache.Apply(BambuFixtures.Load("p1s_pushall_idle_ams.json"), out _);
        var afterFull = cache.SawDelta;

        cache.Apply(Delta("""{"wifi_signal":"-51dBm"}"""), out _);

        Assert.False(afterFull);
        Assert.True(cache.SawDelta);
    }

    [Fact]
    public void Apply_DeltaBeforeThePushallAnswer_MergedButNoReportUntilTheFullOne()
    {
        var cache = BambuFixtures.NewCache();

        cache.Apply(Delta("""{"wifi_signal":"-51dBm","mc_percent":12}"""), out _);
        var afterDelta = cache.HasReport;
        cache.Apply(BambuFixtures.Load("p1s_pushall_idle_ams.json"), out _);

        Assert.False(afterDelta);
        Assert.True(cache.HasReport);
        Assert.Equal("IDLE", (string?)cache.Print["gcode_state"]);
    }

    private static JsonObject Delta(string fields)
    {
        var print = (JsonObject)JsonNode.Parse(fields)!;
        print["command"] = "push_status";
        print["msg"] = 1;
        return new JsonObject { ["print"] = print };
    }

    private static PrinterState Normalize(BambuReportCache cache, PrinterState previous, DateTimeOffset now) =>
        BambuReportNormalizer.Normalize(cache.Print, cache.Version, previous, lockedByReply: false, now);
}
