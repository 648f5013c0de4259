using System.Security.Cryptography;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Printers;
using Printernizer.Bridge.Printers.Bambu;
using Printernizer.Bridge.Printers.Bambu.Ftps;

namespace Printernizer.Bridge.IntegrationTests.Files;

/// <summary>The FTPS client against a real vsftpd that requires TLS session reuse, as the printers do.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BambuFtpsTests : IClassFixture<VsftpdFixture>, IDisposable
{
    private readonly VsftpdFixture _fixture;
    private readonly string _stateDir = Directory.CreateTempSubdirectory("ftps-state-").FullName;

    public BambuFtpsTests(VsftpdFixture fixture)
    {
        _fixture = fixture;
    }

    [SkippableFact]
    public async Task ListFilesAsync_NestedFolderWithOldAndRecentFiles_ParsesBothDateForms()
    {
        Skip.IfNot(VsftpdServer.Available, VsftpdServer.SkipReason);
        _fixture.Server.AddFile("/model/sub/recent.gcode.3mf", new byte[1234]);
        _fixture.Server.AddFile("/model/sub/old.mp4", new byte[10], new DateTime(2020, 3, 4, 0, 0, 0, DateTimeKind.Utc));
        using var files = CreateAccess();

        var entries = await files.ListFilesAsync("/model/sub", CancellationToken.None);

        var recent = Assert.Single(entries, e => e.Name == "recent.gcode.3mf");
        Assert.Equal("/model/sub/recent.gcode.3mf", recent.Path);
        Assert.Equal(1234, recent.Size);
        Assert.Equal(PrinterFileType.Print, recent.Type);
        Assert.NotNull(recent.Modified);
        Assert.InRange(recent.Modified!.Value, DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddDays(2));
        var old = Assert.Single(entries, e => e.Name == "old.mp4");
        Assert.Equal(new DateTimeOffset(2020, 3, 4, 0, 0, 0, TimeSpan.Zero), old.Modified);
        Assert.Equal(PrinterFileType.Timelapse, old.Type);
        var top = await files.ListFilesAsync("/model", CancellationToken.None);
        Assert.Equal(PrinterFileType.Folder, Assert.Single(top, e => e.Name == "sub").Type);
    }

    [SkippableFact]
    public async Task DownloadAsync_TwentyMegabyteFile_ArrivesWithSameSha256()
    {
        Skip.IfNot(VsftpdServer.Available, VsftpdServer.SkipReason);
        var content = RandomNumberGenerator.GetBytes(20 * 1024 * 1024);
        _fixture.Server.AddFile("/cache/big.3mf", content);
        using var files = CreateAccess();
        using var destination = new MemoryStream();
        long reported = 0;

        await files.DownloadAsync("/cache/big.3mf", destination, new Progress<long>(b => Interlocked.Exchange(ref reported, b)), CancellationToken.None);

        Assert.Equal(Convert.ToHexString(SHA256.HashData(content)), Convert.ToHexString(SHA256.HashData(destination.ToArray())));
    }

    [SkippableFact]
    public async Task DownloadAsync_MissingFile_FailsWithNotFound()
    {
        Skip.IfNot(VsftpdServer.Available, VsftpdServer.SkipReason);
        using var files = CreateAccess();

        var error = await Assert.ThrowsAsync<PrinterFileException>(() => files.DownloadAsync("/cache/missing.3mf", Stream.Null, null, CancellationToken.None));

        Assert.Equal("not_found", error.Code);
        Assert.Contains("/cache/missing.3mf", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ListFilesAsync_MissingFolder_FailsWithNotFound()
    {
        Skip.IfNot(VsftpdServer.Available, VsftpdServer.SkipReason);
        using var files = CreateAccess();

        var error = await Assert.ThrowsAsync<PrinterFileException>(() => files.ListFilesAsync("/nothing-here", CancellationToken.None));

        Assert.Equal("not_found", error.Code);
    }

    [SkippableFact]
    public async Task ListFilesAsync_WrongAccessCode_FailsWithAuthFailedAndNoSecret()
    {
        Skip.IfNot(VsftpdServer.Available, VsftpdServer.SkipReason);
        using var files = CreateAccess(accessCode: "87654321");

        var error = await Assert.ThrowsAsync<PrinterFileException>(() => files.ListFilesAsync("/", CancellationToken.None));

        Assert.Equal("auth_failed", error.Code);
        Assert.DoesNotContain("87654321", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ListAsync_DataChannelWithoutSessionReuse_ServerRefuses522()
    {
        Skip.IfNot(VsftpdServer.Available, VsftpdServer.SkipReason);
        _fixture.Server.AddFile("/cache/a.txt", "hello"u8.ToArray());
        var endpoint = Endpoint() with { ReuseTlsSession = false };
        await using var client = await BambuFtpsClient.ConnectAsync(endpoint, CancellationToken.None);

        var error = await Assert.ThrowsAsync<PrinterFileException>(() => client.ListAsync("/cache", CancellationToken.None));

        Assert.Equal("tls_session_reuse", error.Code);
        Assert.Contains("522", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ListAsync_DataChannelWithSessionReuse_ServerAccepts()
    {
        Skip.IfNot(VsftpdServer.Available, VsftpdServer.SkipReason);
        _fixture.Server.AddFile("/cache/b.txt", "hello"u8.ToArray());
        await using var client = await BambuFtpsClient.ConnectAsync(Endpoint(), CancellationToken.None);

        var lines = await client.ListAsync("/cache", CancellationToken.None);

        Assert.Contains(lines, l => l.EndsWith(" b.txt", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task ListAsync_OtherServerWithSameSerialConnectedMeanwhile_DataChannelRefused522()
    {
        // .NET caches one resumable TLS session per target host (the serial) in a process. A full
        // handshake with another server presenting the same serial replaces it, and the first
        // server's data channel then offers a session that server never issued. Printers have
        // unique serials; test classes that each run a vsftpd must therefore use distinct serials.
        Skip.IfNot(VsftpdServer.Available, VsftpdServer.SkipReason);
        _fixture.Server.AddFile("/cache/c.txt", "hello"u8.ToArray());
        await using var other = await VsftpdServer.StartAsync(_fixture.Certificate);
        await using var first = await BambuFtpsClient.ConnectAsync(Endpoint(), CancellationToken.None);
        await using var meanwhile = await BambuFtpsClient.ConnectAsync(Endpoint() with { Port = other.Port }, CancellationToken.None);

        var error = await Assert.ThrowsAsync<PrinterFileException>(() => first.ListAsync("/cache", CancellationToken.None));

        Assert.Equal("tls_session_reuse", error.Code);
    }

    [SkippableFact]
    public async Task ListFilesAsync_ConcurrentCallsOnOnePrinter_AllSucceed()
    {
        Skip.IfNot(VsftpdServer.Available, VsftpdServer.SkipReason);
        _fixture.Server.AddFile("/cache/d.txt", "hello"u8.ToArray());
        using var files = CreateAccess();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => files.ListFilesAsync("/cache", CancellationToken.None))));

        Assert.All(results, entries => Assert.Contains(entries, e => e.Name == "d.txt"));
    }

    [SkippableFact]
    public async Task ListFilesAsync_PinnedFingerprintDiffers_RefusedWithCertificateError()
    {
        Skip.IfNot(VsftpdServer.Available, VsftpdServer.SkipReason);
        new BambuCertificatePinStore(_stateDir).Write("x1c", new string('A', 64));
        using var files = CreateAccess();

        var error = await Assert.ThrowsAsync<PrinterFileException>(() => files.ListFilesAsync("/", CancellationToken.None));

        Assert.Equal("tls_certificate_rejected", error.Code);
        Assert.Contains("pinned", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task DownloadAsync_PathWithDotDot_RejectedBeforeConnecting()
    {
        Skip.IfNot(VsftpdServer.Available, VsftpdServer.SkipReason);
        using var files = CreateAccess();

        var error = await Assert.ThrowsAsync<PrinterFileException>(() => files.DownloadAsync("/cache/../../etc/passwd", Stream.Null, null, CancellationToken.None));

        Assert.Equal("invalid_path", error.Code);
    }

    public void Dispose() => Directory.Delete(_stateDir, recursive: true);

    private BambuSettings Settings(string accessCode) =>
        new(VsftpdFixture.Serial, accessCode, null, false, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5))
        {
            FtpsPort = _fixture.Server.Port,
            ConnectTimeout = TimeSpan.FromSeconds(20),
        };

    private BambuFileAccess CreateAccess(string accessCode = VsftpdServer.AccessCode)
    {
        var settings = Settings(accessCode);
        var validator = new BambuCertificateValidator("x1c", settings, new BambuCertificatePinStore(_stateDir));
        return new BambuFileAccess("x1c", "127.0.0.1", settings, validator, TimeProvider.System);
    }

    private BambuFtpsEndpoint Endpoint() =>
        new("x1c", "127.0.0.1", _fixture.Server.Port, VsftpdFixture.Serial, VsftpdServer.AccessCode, _ => true);
}
