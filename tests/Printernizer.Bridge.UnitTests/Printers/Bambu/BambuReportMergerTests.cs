using System.Text.Json.Nodes;
using Printernizer.Bridge.Printers.Bambu;

namespace Printernizer.Bridge.UnitTests.Printers.Bambu;

public sealed class BambuReportMergerTests
{
    [Fact]
    public void Merge_LightsByNode_UpdatesOneLightKeepsOthers()
    {
        var cache = Parse("""{"lights_report":[{"node":"chamber_light","mode":"on"},{"node":"work_light","mode":"flashing"}]}""");

        BambuReportMerger.Merge(cache, Parse("""{"lights_report":[{"node":"chamber_light","mode":"off"}]}"""));

        Assert.Equal("""[{"node":"chamber_light","mode":"off"},{"node":"work_light","mode":"flashing"}]""", cache["lights_report"]!.ToJsonString());
    }

    [Fact]
    public void Merge_HmsWithoutIdentity_ReplacesWholesaleAndEmptyClears()
    {
        var cache = Parse("""{"hms":[{"attr":1,"code":2},{"attr":3,"code":4}]}""");

        BambuReportMerger.Merge(cache, Parse("""{"hms":[]}"""));

        Assert.Equal("[]", cache["hms"]!.ToJsonString());
    }

    [Fact]
    public void Merge_UnitIdAsNumberOrString_MatchesSameUnit()
    {
        var cache = Parse("""{"ams":{"ams":[{"id":"0","temp":"20.0","tray":[{"id":"0","tray_type":"PLA"}]}]}}""");

        BambuReportMerger.Merge(cache, Parse("""{"ams":{"ams":[{"id":0,"temp":"21.5"}],"tray_now":"0"}}"""));

        var unit = Assert.Single(cache["ams"]!["ams"]!.AsArray());
        Assert.Equal("21.5", (string)unit!["temp"]!);
        Assert.Equal("PLA", (string)unit["tray"]![0]!["tray_type"]!);
        Assert.Equal("0", (string)cache["ams"]!["tray_now"]!);
    }

    [Fact]
    public void Merge_NewUnit_IsAppended()
    {
        var cache = Parse("""{"ams":{"ams":[{"id":"0"}]}}""");

        BambuReportMerger.Merge(cache, Parse("""{"ams":{"ams":[{"id":"1","temp":"30.0"}]}}"""));

        Assert.Equal(["0", "1"], cache["ams"]!["ams"]!.AsArray().Select(u => (string)u!["id"]!));
    }

    private static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!;
}
