using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Printers.Bambu;

namespace Printernizer.Bridge.UnitTests.Printers.Bambu;

/// <summary>The small pure decoders, with the examples from the protocol notes.</summary>
public sealed class BambuDecodingTests
{
    [Theory]
    [InlineData(117473286, "0700_8006", "Unable to feed filament into the extruder.")]
    [InlineData(50348044, "0300_400C", "The task was canceled.")]
    [InlineData(0x0500C010, "0500_C010", "SD card or USB storage read/write exception.")]
    [InlineData(0x12345678, "1234_5678", null)]
    public void Format_PrintError_IsEightHexDigitsWithKnownText(long code, string formatted, string? text)
    {
        Assert.Equal(formatted, BambuPrintErrorFormatter.Format(code));
        Assert.Equal(text, BambuPrintErrorFormatter.Text(formatted));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(50348044L)]
    [InlineData(0x0500400EL)]
    public void ToError_NoneOrCancel_IsNull(long code) => Assert.Null(BambuPrintErrorFormatter.ToError(code));

    [Fact]
    public void ToError_Fault_CarriesCodeAndText() =>
        Assert.Equal(new PrinterError("0700_8006", "Unable to feed filament into the extruder."), BambuPrintErrorFormatter.ToError(117473286));

    [Fact]
    public void Decode_HmsExampleFromNotes_FormatsCodeSeverityAndUrl()
    {
        var entry = BambuHmsDecoder.Decode(50331904, 65543);

        Assert.Equal("0300_0100_0001_0007", entry.Code);
        Assert.Equal("fatal", entry.Severity);
        Assert.Equal("https://wiki.bambulab.com/en/x1/troubleshooting/hmscode/0300_0100_0001_0007", entry.Url);
    }

    [Theory]
    [InlineData(3932208L, 48, 60)]
    [InlineData(4587590L, 70, 70)]
    [InlineData(35L, 35, 0)]
    public void Decode_PackedTemperature_SplitsLowCurrentHighTarget(long packed, double current, double target) =>
        Assert.Equal(new Temperature(current, target), BambuPackedTemperature.Decode(packed));

    [Theory]
    [InlineData(-1, false, "idle")]
    [InlineData(255, false, "idle")]
    [InlineData(0, false, "idle")]
    [InlineData(0, true, "printing")]
    [InlineData(7, true, "heating hotend")]
    [InlineData(76, true, "stage 76")]
    public void Describe_StageCode_GivesText(int stage, bool running, string text) =>
        Assert.Equal(text, BambuStageText.Describe(stage, running));

    [Theory]
    [InlineData("IDLE", 0L, "idle")]
    [InlineData("INIT", 0L, "busy")]
    [InlineData("SLICING", 0L, "preparing")]
    [InlineData("PREPARE", 0L, "preparing")]
    [InlineData("RUNNING", 0L, "printing")]
    [InlineData("PAUSE", 0L, "paused")]
    [InlineData("FINISH", 0L, "finished")]
    [InlineData("FAILED", 0L, "failed")]
    [InlineData("FAILED", 50348044L, "cancelled")]
    [InlineData("FAILED", 0x0500400EL, "cancelled")]
    [InlineData("FAILED", 117473286L, "failed")]
    [InlineData("WHATEVER", 0L, "unknown")]
    public void Map_GcodeState_GivesSpecStatus(string state, long printError, string expected) =>
        Assert.Equal(expected, BambuStatusMapper.Map(state, printError, PrinterStatus.Printing).ToWire());

    [Fact]
    public void Print_Command_CarriesSequenceIdAndEmptyParam()
    {
        Assert.Equal("""{"print":{"sequence_id":"1800000001","command":"stop","param":""}}""", BambuCommandBuilder.Print(PrinterCommand.Cancel, 1_800_000_001));
        Assert.Equal("""{"print":{"sequence_id":"7","command":"pause","param":""}}""", BambuCommandBuilder.Print(PrinterCommand.Pause, 7));
        Assert.Equal("resume", BambuCommandBuilder.CommandName(PrinterCommand.Resume));
    }

    [Fact]
    public void Next_SequenceIds_AreUniqueInPrivateRangeBelow2Pow31()
    {
        var ids = new BambuSequenceIds();
        var taken = Enumerable.Range(0, 1000).Select(_ => ids.Next()).ToList();

        Assert.Equal(taken.Count, taken.Distinct().Count());
        Assert.All(taken, id => Assert.InRange(id, 1_000_000_000, int.MaxValue));
    }
}
