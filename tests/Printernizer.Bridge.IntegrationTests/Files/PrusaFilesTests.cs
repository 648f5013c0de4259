using System.Security.Cryptography;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.IntegrationTests.Prusa;
using Printernizer.Bridge.Printers;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.IntegrationTests.Files;

/// <summary>PrusaLink file listings and downloads against the simulator, with the adapter's poll loop running.</summary>
public sealed class PrusaFilesTests : IDisposable
{
    private readonly string _files = Directory.CreateTempSubdirectory("prusa-files-").FullName;

    [Fact]
    public async Task ListFilesAsync_Root_ListsTheStorage()
    {
        await using var harness = await StartAsync(PrusaFlavour.Buddy);

        var entries = await harness.Adapter.ListFilesAsync("/", CancellationToken.None);

        var usb = Assert.Single(entries);
        Assert.Equal("/usb", usb.Path);
        Assert.Equal(PrinterFileType.Folder, usb.Type);
    }

    [Fact]
    public async Task ListFilesAsync_SameFolderTwice_SecondAnsweredBy304FromCache()
    {
        Write("models/part.bgcode", 100);
        Write("models/deeper/x.bgcode", 10);
        await using var harness = await StartAsync(PrusaFlavour.Buddy);

        var first = await harness.Adapter.ListFilesAsync("/usb/models", CancellationToken.None);
        var second = await harness.Adapter.ListFilesAsync("/usb/models", CancellationToken.None);

        Assert.Equal(first, second);
        var part = Assert.Single(first, e => e.Name == "part.bgcode");
        Assert.Null(part.Size);
        Assert.Equal(PrinterFileType.Print, part.Type);
        Assert.Equal(PrinterFileType.Folder, Assert.Single(first, e => e.Name == "deeper").Type);
        Assert.Equal(1, harness.Adapter.CachedListingHits);
        Assert.Contains(harness.Simulator.RequestLog, r => r.Target == "/api/v1/files/usb/models" && r.Status == 304);
    }

    [Fact]
    public async Task ListFilesAsync_PiNestedFolder_HasSizesAndDates()
    {
        Write("a/b/c.gcode", 321);
        await using var harness = await StartAsync(PrusaFlavour.Pi);

        var entries = await harness.Adapter.ListFilesAsync("/local/a/b", CancellationToken.None);

        var file = Assert.Single(entries);
        Assert.Equal("/local/a/b/c.gcode", file.Path);
        Assert.Equal(321, file.Size);
        Assert.NotNull(file.Modified);
    }

    [Theory]
    [InlineData("Buddy")]
    [InlineData("Pi")]
    public async Task DownloadAsync_TwentyMegabytes_ShaMatchesInRangedRequestsOnOneConnection(string flavour)
    {
        var content = Write("big.gcode", 20 * 1024 * 1024);
        await using var harness = await StartAsync(Enum.Parse<PrusaFlavour>(flavour));
        var storage = flavour == "Buddy" ? "usb" : "local";
        using var destination = new MemoryStream();

        await harness.Adapter.DownloadAsync($"/{storage}/big.gcode", destination, null, CancellationToken.None);

        Assert.Equal(Convert.ToHexString(SHA256.HashData(content)), Convert.ToHexString(SHA256.HashData(destination.ToArray())));
        var log = harness.Simulator.RequestLog.ToList();
        var ranges = log.Select((r, i) => (r, i)).Where(x => x.r.Status == 206).Select(x => x.i).ToList();
        Assert.Equal(80, ranges.Count);
        Assert.Equal(1, harness.Simulator.MaxConcurrentConnections);
    }

    [Fact]
    public async Task DownloadAsync_MissingFile_NotFound()
    {
        await using var harness = await StartAsync(PrusaFlavour.Buddy);

        var error = await Assert.ThrowsAsync<PrinterFileException>(() => harness.Adapter.DownloadAsync("/usb/nope.bgcode", Stream.Null, null, CancellationToken.None));

        Assert.Equal("not_found", error.Code);
    }

    [Fact]
    public async Task ListFilesAsync_DotDot_RejectedAsInvalidPath()
    {
        await using var harness = await StartAsync(PrusaFlavour.Buddy);

        var error = await Assert.ThrowsAsync<PrinterFileException>(() => harness.Adapter.ListFilesAsync("/usb/../../etc", CancellationToken.None));

        Assert.Equal("invalid_path", error.Code);
    }

    [Theory]
    [InlineData("Buddy")]
    [InlineData("Pi")]
    public async Task GetJobThumbnailAsync_RunningJob_ReturnsPng(string flavour)
    {
        await using var harness = await StartAsync(Enum.Parse<PrusaFlavour>(flavour));
        harness.Simulator.StartJob();

        var png = await harness.Adapter.GetJobThumbnailAsync(PrintJob.None, CancellationToken.None);

        Assert.Equal(PrusaSimFiles.DefaultThumbnail, png);
    }

    public void Dispose() => Directory.Delete(_files, recursive: true);

    private Task<PrusaAdapterHarness> StartAsync(PrusaFlavour flavour) =>
        PrusaAdapterHarness.StartAsync(flavour, o => o with { FilesDirectory = _files });

    private byte[] Write(string relative, int size)
    {
        var full = Path.Combine(_files, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var content = RandomNumberGenerator.GetBytes(size);
        File.WriteAllBytes(full, content);
        return content;
    }
}
