using Printernizer.Bridge.Files;
using Printernizer.Bridge.Printers;

namespace Printernizer.Bridge.UnitTests.Files;

public sealed class DownloadTargetTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("dl-target-").FullName;

    [Fact]
    public void Resolve_PrinterPath_LandsUnderDownloadsOfThePrinter()
    {
        var target = DownloadTarget.Resolve(_state, "x1c", "/cache/benchy.3mf");

        Assert.Equal(Path.Combine(_state, "downloads", "x1c", "cache", "benchy.3mf"), target);
    }

    [Theory]
    [InlineData("/cache/../../../etc/passwd")]
    [InlineData("..")]
    [InlineData("/a/./b")]
    [InlineData("C:/Windows/win.ini")]
    [InlineData("/cache\\..\\x")]
    [InlineData("/")]
    [InlineData("/a\nb")]
    public void Resolve_EscapingOrEmptyPath_Refused(string path)
    {
        var error = Assert.Throws<PrinterFileException>(() => DownloadTarget.Resolve(_state, "x1c", path));

        Assert.Equal("invalid_path", error.Code);
    }

    [Fact]
    public void Resolve_SymlinkOnTheWay_Refused()
    {
        Directory.CreateDirectory(Path.Combine(_state, "downloads"));
        Directory.CreateSymbolicLink(Path.Combine(_state, "downloads", "x1c"), Path.GetTempPath());

        var error = Assert.Throws<PrinterFileException>(() => DownloadTarget.Resolve(_state, "x1c", "/cache/a.3mf"));

        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_state, recursive: true);
}
