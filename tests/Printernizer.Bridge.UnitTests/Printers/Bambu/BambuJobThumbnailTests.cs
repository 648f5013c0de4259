using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Printers;
using Printernizer.Bridge.Printers.Bambu;

namespace Printernizer.Bridge.UnitTests.Printers.Bambu;

public sealed class BambuJobThumbnailTests
{
    private static readonly PrintJob Job = new("benchy", "benchy.3mf", "1", PrinterStatus.Printing, DateTimeOffset.UnixEpoch, null);

    [Fact]
    public async Task FetchAsync_FtpsPortClosed_ThrowsServiceUnavailableAfterOneTry()
    {
        var files = Substitute.For<IPrinterFileAccess>();
        files.DownloadAsync(default!, default!, default, default)
            .ThrowsAsyncForAnyArgs(new PrinterFileException("unreachable", "printer 'x1c': connection refused"));

        var thrown = await Assert.ThrowsAsync<PrinterFileException>(() => new BambuJobThumbnail(files, NullLogger.Instance).FetchAsync(Job, CancellationToken.None));

        Assert.True(thrown.ServiceUnavailable);
        await files.ReceivedWithAnyArgs(1).DownloadAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task FetchAsync_NoCandidateOnThePrinter_NullAfterTryingEach()
    {
        var files = Substitute.For<IPrinterFileAccess>();
        files.DownloadAsync(default!, default!, default, default)
            .ThrowsAsyncForAnyArgs(new PrinterFileException("not_found", "no such file"));

        var png = await new BambuJobThumbnail(files, NullLogger.Instance).FetchAsync(Job, CancellationToken.None);

        Assert.Null(png);
        await files.ReceivedWithAnyArgs(BambuJobThumbnail.Candidates(Job).Count()).DownloadAsync(default!, default!, default, default);
    }

    [Theory]
    [InlineData("unreachable", true)]
    [InlineData("auth_failed", true)]
    [InlineData("tls_certificate_rejected", true)]
    [InlineData("not_found", false)]
    [InlineData("protocol", false)]
    [InlineData("invalid_path", false)]
    public void ServiceUnavailable_ByCode_OnlyForTheWholeService(string code, bool expected) =>
        Assert.Equal(expected, new PrinterFileException(code, "m").ServiceUnavailable);
}
