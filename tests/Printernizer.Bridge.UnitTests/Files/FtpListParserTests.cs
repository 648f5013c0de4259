using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Printers.Bambu.Ftps;

namespace Printernizer.Bridge.UnitTests.Files;

public sealed class FtpListParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ParseLine_RecentForm_UsesThisYear()
    {
        var entry = FtpListParser.ParseLine("-rw-r--r--    1 0        0          754535 Nov 24 09:15 benchy.gcode.3mf", "/cache", Now);

        Assert.NotNull(entry);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 15, 0, TimeSpan.Zero), entry.Modified);
        Assert.Equal(754535, entry.Size);
        Assert.Equal("/cache/benchy.gcode.3mf", entry.Path);
        Assert.Equal(PrinterFileType.Print, entry.Type);
    }

    [Fact]
    public void ParseLine_RecentFormAheadOfNow_IsLastYear()
    {
        var entry = FtpListParser.ParseLine("-rw-r--r--    1 0        0              10 Dec 30 23:59 x.mp4", "/timelapse", Now);

        Assert.Equal(new DateTimeOffset(2025, 12, 30, 23, 59, 0, TimeSpan.Zero), entry!.Modified);
        Assert.Equal(PrinterFileType.Timelapse, entry.Type);
    }

    [Fact]
    public void ParseLine_YearForm_UsesTheYear()
    {
        var entry = FtpListParser.ParseLine("drwxr-xr-x    2 0        0            4096 Jan  1  2020 model", "/", Now);

        Assert.Equal(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), entry!.Modified);
        Assert.Equal(PrinterFileType.Folder, entry.Type);
        Assert.Null(entry.Size);
        Assert.Equal("/model", entry.Path);
    }

    [Theory]
    [InlineData("total 12")]
    [InlineData("drwxr-xr-x    2 0        0            4096 Jan  1  2020 ..")]
    [InlineData("garbage")]
    public void ParseLine_NotAnEntry_Null(string line) => Assert.Null(FtpListParser.ParseLine(line, "/", Now));

    [Fact]
    public void ParseLine_NameWithSpacesAndSymlink_KeepsNameWithoutTarget()
    {
        var spaced = FtpListParser.ParseLine("-rw-r--r--    1 0        0               5 Nov 01 10:00 my part v2.3mf", "/", Now);
        var link = FtpListParser.ParseLine("lrwxrwxrwx    1 0        0               5 Nov 01 10:00 sd -> /mnt/sdcard", "/", Now);

        Assert.Equal("my part v2.3mf", spaced!.Name);
        Assert.Equal("sd", link!.Name);
    }
}
