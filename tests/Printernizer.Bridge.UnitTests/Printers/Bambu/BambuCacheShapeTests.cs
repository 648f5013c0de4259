using System.Text;
using System.Text.Json.Nodes;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Printers.Bambu;

namespace Printernizer.Bridge.UnitTests.Printers.Bambu;

/// <summary>
/// The cache keeps only what the normalizer reads (<see cref="BambuCacheShape.Read"/>), and that
/// must never change a state: every fixture, and deltas after it, give the same state as a cache
/// that keeps everything.
/// </summary>
public sealed class BambuCacheShapeTests
{
    public static TheoryData<string> Fixtures() => [.. Directory.GetFiles(BambuFixtures.Directory, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Accept_FixtureThenDeltasThenAgain_SameStateAsKeepingEverything(string fixture)
    {
        var messages = new List<byte[]> { BambuFixtures.Bytes("x1c_get_version.json"), BambuFixtures.Bytes(fixture) };
        messages.AddRange(Deltas());
        messages.Add(BambuFixtures.Bytes(fixture));
        messages.AddRange(Deltas());
        messages.Add(BambuFixtures.Bytes("p1s_pushall_idle_ams.json"));
        messages.Add(BambuFixtures.Bytes(fixture));

        var shaped = new BambuReportPipeline(BambuFixtures.NewFaults());
        var whole = new BambuReportPipeline(BambuFixtures.NewFaults(), BambuCacheShape.Everything);
        PrinterState shapedState = BambuFixtures.Empty(), wholeState = BambuFixtures.Empty();
        for (var i = 0; i < messages.Count; i++)
        {
            var context = $"message {i}: {Encoding.UTF8.GetString(messages[i])[..Math.Min(80, messages[i].Length)]}";
            Assert.True(whole.Accept(messages[i], out _) == shaped.Accept(messages[i], out _), context);
            wholeState = whole.Normalize(wholeState, lockedByReply: false, BambuFixtures.Now.AddSeconds(i));
            shapedState = shaped.Normalize(shapedState, lockedByReply: false, BambuFixtures.Now.AddSeconds(i));
            Assert.True(PrinterStateContent.SameExceptUpdatedAt(wholeState, shapedState), context);
        }
    }

    [Fact]
    public void Accept_FallbackFieldsOnly_ReadThroughTheShape()
    {
        // Fixtures carry stg_cur and top-level layer numbers, which win over these fallbacks, so
        // only a report without them shows that the shape keeps stage, 3D and gcode_start_time.
        var report = """{"print":{"gcode_state":"RUNNING","stage":{"_id":2,"state":1},"3D":{"layer_num":7,"total_layer_num":90,"extra":1},"gcode_start_time":"1764900000","subtask_name":"cube","msg":1}}"""u8.ToArray();
        var shaped = new BambuReportPipeline(BambuFixtures.NewFaults());
        var whole = new BambuReportPipeline(BambuFixtures.NewFaults(), BambuCacheShape.Everything);

        shaped.Accept(report, out _);
        whole.Accept(report, out _);
        var shapedState = shaped.Normalize(BambuFixtures.Empty(), lockedByReply: false, BambuFixtures.Now);
        var wholeState = whole.Normalize(BambuFixtures.Empty(), lockedByReply: false, BambuFixtures.Now);

        Assert.NotNull(wholeState.Stage);
        Assert.Equal((7, 90), (wholeState.Progress.Layer, wholeState.Progress.TotalLayers));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764900000), wholeState.Job.StartedAt);
        Assert.True(PrinterStateContent.SameExceptUpdatedAt(wholeState, shapedState));
    }

    [Fact]
    public void TryApply_X1cFullReport_KeepsOnlyWhatIsReadAndLessThanAThirdOfTheText()
    {
        var full = BambuFixtures.Bytes("x1c_pushall_finish_multi_ams.json");
        var cache = BambuFixtures.NewCache();
        var whole = new BambuReportCache(new BambuReportSanitizer(BambuFixtures.NewFaults()), BambuCacheShape.Everything);

        cache.TryApply(full);
        whole.TryApply(full);

        Assert.False(cache.Print.ContainsKey("ipcam"));
        Assert.False(cache.Print.ContainsKey("upgrade_state"));
        Assert.True(cache.Print.ContainsKey("gcode_state"));
        var tray = Assert.IsType<JsonObject>(cache.Print["ams"]!["ams"]![0]!["tray"]![0]);
        Assert.Equal(["id", "remain", "tray_color", "tray_type"], tray.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.True(whole.Print["ams"]!["ams"]![0]!["tray"]![0]!.AsObject().Count > 10);
        Assert.True(cache.Print.ToJsonString().Length * 3 < whole.Print.ToJsonString().Length);
    }

    [Theory]
    [InlineData("x1c_pushall_finish_multi_ams.json")]
    [InlineData("p1s_pushall_idle_ams.json")]
    [InlineData("h2d_pushall_running_local.json")]
    public void TryApply_SameFullReportAgain_NothingChangesAndTheFilamentReadIsKept(string fixture)
    {
        var cache = BambuFixtures.NewCache();
        cache.TryApply(BambuFixtures.Bytes(fixture));
        var filament = cache.Filament;
        var ams = cache.Print["ams"];

        cache.TryApply(BambuFixtures.Bytes(fixture));

        Assert.Same(filament, cache.Filament);
        Assert.Same(ams, cache.Print["ams"]);
    }

    [Fact]
    public void Apply_NodePathWithUnreadFields_PrunedAsTheBytePath()
    {
        var cache = BambuFixtures.NewCache();

        cache.Apply(BambuFixtures.Load("x1c_pushall_finish_multi_ams.json"), out _);
        cache.Apply((JsonObject)JsonNode.Parse("""{"print":{"wifi_signal":"-40dBm","ams":{"ams":[{"id":"0","tray":[{"id":"0","tray_uuid":"X","remain":5}]}]},"msg":1}}""")!, out _);

        Assert.False(cache.Print.ContainsKey("wifi_signal"));
        Assert.False(cache.Print.ContainsKey("msg"));
        var tray = cache.Print["ams"]!["ams"]![0]!["tray"]![0]!.AsObject();
        Assert.False(tray.ContainsKey("tray_uuid"));
        Assert.Equal(5, BambuJson.Int(tray["remain"]));
    }

    [Fact]
    public void TryApply_LightsWithoutTheirIdentityKept_ReplacedNotAppended()
    {
        var cache = BambuFixtures.NewCache();
        var lights = """{"print":{"lights_report":[{"node":"chamber_light","mode":"on"}],"msg":1}}"""u8.ToArray();

        cache.TryApply(lights);
        cache.TryApply(lights);
        cache.TryApply(lights);

        Assert.Single(cache.Print["lights_report"]!.AsArray());
    }

    private static IEnumerable<byte[]> Deltas()
    {
        yield return BambuFixtures.Bytes("p1s_delta_ams_block.json");
        yield return BambuFixtures.Bytes("delta_print_canceled_print_error.json");
        foreach (var (_, fragment) in BambuFixtures.Load("h2d_partial_fragments.json"))
        {
            yield return Encoding.UTF8.GetBytes(fragment!.ToJsonString());
        }

        yield return """{"print":{"ams":{"ams":[{"id":"0","humidity_raw":"13","tray":[{"id":"0","remain":12,"tray_uuid":"A1"}]}],"tray_now":"1","tray_pre":"0"},"command":"push_status","msg":1}}"""u8.ToArray();
        yield return """{"print":{"vt_tray":{"id":"254","tray_type":"TPU","tray_color":"FF0000FF","k":0.02},"vir_slot":[{"id":"254","tray_type":"PETG","cali_idx":-1}],"msg":1}}"""u8.ToArray();
        yield return """{"print":{"lights_report":[{"node":"chamber_light","mode":"on"}],"hms":[{"attr":201327360,"code":196615}],"gcode_state":"RUNNING","wifi_signal":"-40dBm","msg":1}}"""u8.ToArray();
        yield return """{"print":{"nozzle_temper":200.5,"bed_temper":"60.5","mc_percent":1e2,"task_id":123456789012345678901,"spd_lvl":3,"big_fan1_speed":"7","msg":1}}"""u8.ToArray();
    }
}
