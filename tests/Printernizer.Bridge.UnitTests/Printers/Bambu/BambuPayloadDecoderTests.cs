using System.Text;
using System.Text.Json.Nodes;
using Printernizer.Bridge.Printers.Bambu;

namespace Printernizer.Bridge.UnitTests.Printers.Bambu;

/// <summary>Hostile input is refused or repaired, counted per kind, and never throws.</summary>
public sealed class BambuPayloadDecoderTests
{
    private readonly BambuInputFaultCounter _faults = BambuFixtures.NewFaults();

    [Fact]
    public void Decode_InvalidJson_IsNullAndCounted()
    {
        Assert.Null(Decoder().Decode("""{"print":{"gcode_state":"RUNN"""u8));
        Assert.Equal(1, _faults.Count(BambuInputFault.InvalidJson));
    }

    [Fact]
    public void Decode_Latin1JobName_FallsBackAndKeepsTheText()
    {
        var root = Decoder().Decode(Encoding.Latin1.GetBytes("""{"print":{"subtask_name":"Grüße"}}"""));

        Assert.Equal("Grüße", (string)root!["print"]!["subtask_name"]!);
        Assert.Equal(1, _faults.Count(BambuInputFault.NonUtf8));
    }

    [Fact]
    public void Decode_OverOneMebibyte_IsRefusedBeforeParsing()
    {
        var payload = Encoding.UTF8.GetBytes("{\"x\":\"" + new string('a', BambuPayloadDecoder.MaxBytes) + "\"}");

        Assert.Null(Decoder().Decode(payload));
        Assert.Equal(1, _faults.Count(BambuInputFault.TooLarge));
    }

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    [InlineData(1000, false)]
    public void Decode_Nesting_IsAllowedUpTo64(int depth, bool accepted)
    {
        var payload = Encoding.UTF8.GetBytes("{\"a\":" + new string('[', depth - 1) + new string(']', depth - 1) + "}");

        Assert.Equal(accepted, Decoder().Decode(payload) is not null);
        Assert.Equal(accepted ? 0 : 1, _faults.Count(BambuInputFault.TooDeep));
    }

    [Fact]
    public void NestingDepth_BracketsInsideStrings_AreNotCounted() =>
        Assert.Equal(2, BambuPayloadDecoder.NestingDepth("""{"a":["[[[{{\"]]"]}"""u8));

    [Fact]
    public void Decode_DuplicateKeysNested_IsRefusedAsInvalidJsonBeforeAnyUse()
    {
        var root = Decoder().Decode("""{"print":{"ams":{"tray_now":"1","tray_now":"2"}}}"""u8);

        Assert.Null(root);
        Assert.Equal(1, _faults.Count(BambuInputFault.InvalidJson));
    }

    [Fact]
    public void Normalize_NestedValuesOfWrongShape_ReadAsAbsent()
    {
        var cache = BambuFixtures.NewCache();
        cache.Apply(Decoder().Decode("""{"print":{"command":"push_status","msg":0,"gcode_state":"IDLE","device":{"bed":5,"ctc":{"info":"x"},"extruder":[1]},"stage":3,"bed_temper":40}}"""u8)!, out _);

        var state = BambuReportNormalizer.Normalize(cache.Print, cache.Version, BambuFixtures.Empty(), false, BambuFixtures.Now);

        Assert.Equal(new Printernizer.Bridge.Domain.Temperature(40, null), state.Temperatures.Bed);
        Assert.Null(state.Temperatures.Chamber);
        Assert.Null(state.Stage);
    }

    [Fact]
    public void Decode_ArrayAtTopLevel_IsRefused()
    {
        Assert.Null(Decoder().Decode("[1,2]"u8));
        Assert.Equal(1, _faults.Count(BambuInputFault.NotAnObject));
    }

    [Fact]
    public void Sanitize_WrongTypes_DropsThemAndKeepsGoodFields()
    {
        var print = (JsonObject)JsonNode.Parse("""{"nozzle_temper":"hot","bed_temper":"60.5","gcode_state":42,"hms":"none","mc_percent":{"v":1},"ams":{"ams":"x"},"layer_num":3}""")!;

        new BambuReportSanitizer(_faults).Sanitize(print);

        Assert.Equal(["bed_temper", "ams", "layer_num"], print.Select(p => p.Key));
        Assert.Empty(print["ams"]!.AsObject());
        Assert.Equal(5, _faults.Count(BambuInputFault.WrongType));
    }

    private BambuPayloadDecoder Decoder() => new(_faults);
}
