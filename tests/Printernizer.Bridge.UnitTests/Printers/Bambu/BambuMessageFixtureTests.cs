using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Printers.Bambu;

namespace Printernizer.Bridge.UnitTests.Printers.Bambu;

/// <summary>Every capture in <c>shared/fixtures/bambu</c> is classified; acknowledgements and log lines never reach the state.</summary>
public sealed class BambuMessageFixtureTests
{
    private static readonly Dictionary<string, BambuMessageKind> Expected = new()
    {
        ["a1_get_version.json"] = BambuMessageKind.Version,
        ["a1_pushall_idle_ams_lite.json"] = BambuMessageKind.Report,
        ["a1mini_command_echo_gcode_line_success.json"] = BambuMessageKind.Acknowledgement,
        ["a1mini_get_version.json"] = BambuMessageKind.Version,
        ["a1mini_pushall_idle.json"] = BambuMessageKind.Report,
        ["command_echo_resume_rejected_verify_failed.json"] = BambuMessageKind.Acknowledgement,
        ["delta_print_canceled_print_error.json"] = BambuMessageKind.Report,
        ["h2c_pushall_failed.json"] = BambuMessageKind.Report,
        ["h2d_get_version.json"] = BambuMessageKind.Version,
        ["h2d_partial_fragments.json"] = BambuMessageKind.Ignored,
        ["h2d_pushall_running_local.json"] = BambuMessageKind.Report,
        ["mc_print_push_info_ams_humidity.json"] = BambuMessageKind.Ignored,
        ["mc_print_push_info_gcode_line_log.json"] = BambuMessageKind.Ignored,
        ["misc_x1class_pushall_running_with_hms.json"] = BambuMessageKind.Report,
        ["p1p_get_version_no_ams.json"] = BambuMessageKind.Version,
        ["p1p_get_version_with_ams.json"] = BambuMessageKind.Version,
        ["p1p_pushall_failed_with_ams.json"] = BambuMessageKind.Report,
        ["p1p_pushall_finish_no_ams.json"] = BambuMessageKind.Report,
        ["p1s_delta_ams_block.json"] = BambuMessageKind.Report,
        ["p1s_pushall_idle_ams.json"] = BambuMessageKind.Report,
        ["p1s_security_app_cert_list_reply.json"] = BambuMessageKind.Ignored,
        ["x1c_get_version.json"] = BambuMessageKind.Version,
        ["x1c_mc_print_push_info_wait_hotend.json"] = BambuMessageKind.Ignored,
        ["x1c_pushall_finish_multi_ams.json"] = BambuMessageKind.Report,
        ["x1c_upgrade_get_history_reply.json"] = BambuMessageKind.Ignored,
        ["x2d_pushall_running_hms_with_timestamps.json"] = BambuMessageKind.Report,
    };

    public static TheoryData<string> Files => new(Expected.Keys);

    [Fact]
    public void Fixtures_EveryJsonFile_IsClassifiedHere()
    {
        var files = Directory.GetFiles(BambuFixtures.Directory, "*.json").Select(Path.GetFileName).Order().ToList();

        Assert.Equal(Expected.Keys.Order(), files);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Apply_Fixture_IsDecodedWithoutFaultAndClassified(string file)
    {
        var faults = BambuFixtures.NewFaults();
        var root = new BambuPayloadDecoder(faults).Decode(BambuFixtures.Bytes(file));
        var cache = BambuFixtures.NewCache(faults);
        var msg = (int?)root!["print"]?["msg"];

        var kind = cache.Apply(root!, out var acknowledgement);

        Assert.Equal(Expected[file], kind);
        Assert.Equal(0, faults.Total);
        Assert.Equal(kind == BambuMessageKind.Report && msg != 1, cache.HasReport);
        Assert.Equal(kind == BambuMessageKind.Acknowledgement, acknowledgement is not null);
    }

    [Fact]
    public async Task Complete_GcodeLineSuccessEcho_CompletesMatchingCommandOk()
    {
        var tracker = new BambuCommandTracker("a1mini");
        var answer = tracker.Register("1", "gcode_line");
        BambuFixtures.NewCache().Apply(BambuFixtures.Load("a1mini_command_echo_gcode_line_success.json"), out var ack);

        tracker.Complete(ack!);

        Assert.True(answer.IsCompletedSuccessfully);
        Assert.Equal(CommandResult.Success, await answer);
    }

    [Fact]
    public async Task Complete_VerifyFailedEcho_IsLockedErrorNamingPrinter()
    {
        var tracker = new BambuCommandTracker("x1c");
        var answer = tracker.Register("2008", "resume");
        var other = tracker.Register("2009", "pause");
        BambuFixtures.NewCache().Apply(BambuFixtures.Load("command_echo_resume_rejected_verify_failed.json"), out var ack);

        tracker.Complete(ack!);

        var result = await answer;
        Assert.True(BambuCommandTracker.IsLockedReply(ack!));
        Assert.False(result.Ok);
        Assert.Contains("'x1c'", result.Error);
        Assert.Contains("signed commands", result.Error);
        Assert.False(other.IsCompleted);
    }

    [Fact]
    public void Normalize_LockedByReply_SetsControlLockedOnPrinterWithoutFun()
    {
        var cache = BambuFixtures.NewCache();
        cache.Apply(BambuFixtures.Load("p1s_pushall_idle_ams.json"), out _);

        var state = BambuReportNormalizer.Normalize(cache.Print, cache.Version, BambuFixtures.Empty(), lockedByReply: true, BambuFixtures.Now);

        Assert.Equal(ControlState.Locked, state.Control);
    }
}
