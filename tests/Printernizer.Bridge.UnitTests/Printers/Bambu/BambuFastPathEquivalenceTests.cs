using System.Text;
using System.Text.Json.Nodes;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Printers.Bambu;

namespace Printernizer.Bridge.UnitTests.Printers.Bambu;

/// <summary>
/// The byte-level merge (<see cref="BambuReportCache.TryApply"/>) leaves the same cached report and
/// the same state as decoding to nodes and <see cref="BambuReportCache.Apply"/>, for every fixture
/// and for the odd inputs it hands back to the node path.
/// </summary>
public sealed class BambuFastPathEquivalenceTests
{
    public static TheoryData<string> FullReports() =>
    [
        "p1s_pushall_idle_ams.json", "a1_pushall_idle_ams_lite.json", "a1mini_pushall_idle.json",
        "p1p_pushall_finish_no_ams.json", "p1p_pushall_failed_with_ams.json", "x1c_pushall_finish_multi_ams.json",
        "misc_x1class_pushall_running_with_hms.json", "h2d_pushall_running_local.json", "h2c_pushall_failed.json",
        "x2d_pushall_running_hms_with_timestamps.json",
    ];

    [Theory]
    [MemberData(nameof(FullReports))]
    public void Accept_FixtureSequence_SameCacheAndStateAsTheNodePath(string full)
    {
        var messages = new List<byte[]> { BambuFixtures.Bytes(full) };
        messages.AddRange(Deltas());
        messages.Add(BambuFixtures.Bytes(full));
        messages.AddRange(Deltas());

        AssertSameAlongTheWay(messages);
    }

    [Theory]
    [MemberData(nameof(FullReports))]
    [InlineData("p1s_delta_ams_block.json")]
    [InlineData("delta_print_canceled_print_error.json")]
    public void TryApply_ReportFixture_TakesTheByteLevelPath(string report) =>
        Assert.Equal(BambuMessageKind.Report, BambuFixtures.NewCache().TryApply(BambuFixtures.Bytes(report)));

    [Fact]
    public void Accept_OtherFixtureMessages_SameCacheAndStateAsTheNodePath()
    {
        var messages = new List<byte[]> { BambuFixtures.Bytes("p1s_pushall_idle_ams.json") };
        foreach (var file in Directory.GetFiles(BambuFixtures.Directory, "*.json").Order(StringComparer.Ordinal))
        {
            messages.Add(File.ReadAllBytes(file));
            messages.AddRange(Deltas());
        }

        AssertSameAlongTheWay(messages);
    }

    [Theory]
    [InlineData("""{"print":{"ams":{"tray_now":"1","tray_now":"2"},"msg":1}}""", false)]
    [InlineData("""{"print":{"nozzle_temper":"hot","bed_temper":"60.5","msg":1}}""", false)]
    [InlineData("""{"print":{"gcode_state":42,"msg":1}}""", false)]
    [InlineData("""{"print":{"ams":{"ams":"x"},"msg":1}}""", false)]
    [InlineData("""{"print":{"\u006ezzle_temper":1,"msg":1}}""", false)]
    [InlineData("""{"print":{"command":"push_status","msg":1,"result":"success"}}""", false)]
    [InlineData("""{"print":{"command":"gcode_line","msg":1}}""", false)]
    [InlineData("""{"print":{"command":7,"msg":1}}""", false)]
    [InlineData("""{"print":{"msg":"1"}}""", false)]
    [InlineData("""{"info":{"command":"get_version"},"print":{"msg":1}}""", false)]
    [InlineData("""{"print":{"msg":1}} x""", false)]
    [InlineData("""[{"print":{"msg":1}}]""", false)]
    [InlineData("""{"print":{"bed_temper":"60.5","nozzle_temper":1.0,"mc_percent":1e2,"task_id":123456789012345678901,"msg":1}}""", true)]
    [InlineData("""{"print":{"ams":{"ams":[{"id":0,"temp":"21.5","tray":[{"id":"0","tray_type":"PETG"},{"id":9}]}],"tray_now":"0"},"msg":1}}""", true)]
    [InlineData("""{"print":{"lights_report":[{"node":"chamber_light","mode":"off"}],"hms":[],"stg":[1,2],"msg":1}}""", true)]
    [InlineData("""{"print":{"subtask_name":"Gr\u00fc\u00dfe \"x\"","msg":1}}""", false)]
    [InlineData("""{"print":{"subtask_name":"Grüße","gcode_file":null,"device":{"extruder":{"state":274,"info":[{"id":1,"temp":3932208}]}},"msg":1}}""", true)]
    [InlineData("""{"print":{"print_error":50348044},"other":{"a":[1,{"b":2}]}}""", true)]
    [InlineData("""{"print":{"vir_slot":[{"id":"254","tray_type":"PLA"}],"vt_tray":{"id":"254","tray_type":"TPU"},"msg":1}}""", true)]
    public void TryApply_OddInputs_FastOnlyWhenSafeAndSameAsTheNodePath(string json, bool fast)
    {
        var payload = Encoding.UTF8.GetBytes(json);
        var cache = BambuFixtures.NewCache();
        cache.Apply(BambuFixtures.Load("h2d_pushall_running_local.json"), out _);

        Assert.Equal(fast, cache.TryApply(payload) is not null);
        AssertSameAlongTheWay([BambuFixtures.Bytes("h2d_pushall_running_local.json"), payload, payload]);
        AssertSameAlongTheWay([BambuFixtures.Bytes("p1s_pushall_idle_ams.json"), payload, .. Deltas(), payload]);
    }

    [Fact]
    public void TryApply_RepeatedLiteralNoDoublePrintsBack_KeepsTheNode()
    {
        var cache = BambuFixtures.NewCache();
        var delta = """{"print":{"nozzle_temper":1.0,"task_id":123456789012345678901,"msg":1}}"""u8;
        cache.TryApply(delta);
        var (temper, task) = (cache.Print["nozzle_temper"], cache.Print["task_id"]);

        cache.TryApply(delta);

        Assert.Same(temper, cache.Print["nozzle_temper"]);
        Assert.Same(task, cache.Print["task_id"]);
        Assert.Equal("123456789012345678901", BambuJson.String(task));
    }

    [Fact]
    public void TryApply_LoneSurrogateEscape_LeftToTheNodePathAndCacheUntouched()
    {
        var cache = BambuFixtures.NewCache();
        cache.TryApply(BambuFixtures.Bytes("p1s_pushall_idle_ams.json"));
        var before = cache.Print.ToJsonString();

        Assert.Null(cache.TryApply("""{"print":{"bed_temper":99,"wifi_signal":"\ud800","msg":1}}"""u8));

        Assert.Equal(before, cache.Print.ToJsonString());
    }

    [Fact]
    public void TryApply_RepeatedAmsDelta_LeavesTheCachedNodesInPlace()
    {
        var cache = BambuFixtures.NewCache();
        var delta = BambuFixtures.Bytes("p1s_delta_ams_block.json");
        cache.TryApply(BambuFixtures.Bytes("p1s_pushall_idle_ams.json"));
        cache.TryApply(delta);
        var tray = cache.Print["ams"]!["ams"]![0]!["tray"]![0];

        cache.TryApply(delta);

        Assert.Same(tray, cache.Print["ams"]!["ams"]![0]!["tray"]![0]);
    }

    private static void AssertSameAlongTheWay(IReadOnlyList<byte[]> messages)
    {
        var fast = new BambuReportPipeline(BambuFixtures.NewFaults());
        var nodeFaults = BambuFixtures.NewFaults();
        var decoder = new BambuPayloadDecoder(nodeFaults);
        var node = BambuFixtures.NewCache(nodeFaults);
        PrinterState fastState = BambuFixtures.Empty(), nodeState = BambuFixtures.Empty();
        for (var i = 0; i < messages.Count; i++)
        {
            var fastKind = fast.Accept(messages[i], out var fastAck);
            JsonObject? nodeAck = null;
            var nodeKind = decoder.Decode(messages[i]) is { } root ? node.Apply(root, out nodeAck) : (BambuMessageKind?)null;

            var context = $"message {i}: {Encoding.UTF8.GetString(messages[i])[..Math.Min(80, messages[i].Length)]}";
            Assert.True(nodeKind == fastKind, context);
            Assert.True(nodeAck?.ToJsonString() == fastAck?.ToJsonString(), context);
            Assert.True(Canonical(node.Print) == Canonical(fast.Cache.Print), context);
            Assert.True((node.HasReport, node.SawDelta, node.Version) == (fast.Cache.HasReport, fast.Cache.SawDelta, fast.Cache.Version), context);

            fastState = fast.Normalize(fastState, lockedByReply: false, BambuFixtures.Now.AddSeconds(i));
            nodeState = BambuReportNormalizer.Normalize(node.Print, node.Version, nodeState, lockedByReply: false, BambuFixtures.Now.AddSeconds(i));
            Assert.True(PrinterStateContent.SameExceptUpdatedAt(nodeState, fastState), context);
            Assert.Equal(nodeState.UpdatedAt, fastState.UpdatedAt);
        }
    }

    /// <summary>
    /// The JSON text with object keys sorted: a full report synchronizes the cache in place, so a key
    /// the cache already held keeps its position (nothing reads the cache in key order). Values compare as text.
    /// </summary>
    private static string Canonical(JsonNode? node) => Sorted(node)?.ToJsonString() ?? "null";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };

    private static IEnumerable<byte[]> Deltas()
    {
        yield return BambuFixtures.Bytes("p1s_delta_ams_block.json");
        yield return BambuFixtures.Bytes("delta_print_canceled_print_error.json");
        var fragments = BambuFixtures.Load("h2d_partial_fragments.json");
        foreach (var (_, fragment) in fragments)
        {
            yield return Encoding.UTF8.GetBytes(fragment!.ToJsonString());
        }

        yield return """{"print":{"gcode_state":"RUNNING","mc_percent":10,"mc_remaining_time":50,"layer_num":3,"total_layer_num":90,"subtask_name":"steady","command":"push_status","msg":1}}"""u8.ToArray();
        yield return """{"print":{"nozzle_temper":180.5,"nozzle_target_temper":220,"print_error":0,"hms":[{"attr":201327360,"code":196615}],"command":"push_status","msg":1}}"""u8.ToArray();
        yield return """{"print":{"ams":{"ams":[{"id":"0","humidity_raw":"13","tray":[{"id":"0","remain":12}]}],"tray_now":"1"},"command":"push_status","msg":1}}"""u8.ToArray();
        yield return """{"print":{"lights_report":[{"node":"chamber_light","mode":"on"}],"hms":[],"gcode_state":"IDLE","command":"push_status","msg":1}}"""u8.ToArray();
    }
}
