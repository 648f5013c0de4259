using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Hosting;
using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Bridge.IntegrationTests.Prusa;
using Printernizer.Bridge.Printers;
using Printernizer.Bridge.Printers.Bambu;
using Printernizer.Bridge.TestSupport;
using Printernizer.Simulators.Bambu;
using Printernizer.Simulators.Prusa;
using Serilog;

namespace Printernizer.Bridge.IntegrationTests.Files;

/// <summary>
/// The real host with a simulated Bambu printer (MQTT simulator plus vsftpd presenting the same
/// certificate) and a simulated Prusa printer: cover images, discovery and the files topics.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FilesEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly string _stateDir = Directory.CreateTempSubdirectory("files-e2e-").FullName;
    private readonly string _prusaFiles = Directory.CreateTempSubdirectory("files-e2e-prusa-").FullName;
    private readonly byte[] _plate = MakePng();
    private TestBroker _broker = null!;
    private BambuSimulator _bambu = null!;
    private VsftpdServer _ftps = null!;
    private PrusaLinkSimulator _prusa = null!;
    private IHost _host = null!;
    private MqttCapture _capture = null!;

    public async Task InitializeAsync()
    {
        if (!VsftpdServer.Available)
        {
            return;
        }

        _broker = await TestBroker.StartAsync();
        // A serial of its own: BambuFtpsTests' vsftpd runs in parallel, and .NET keeps one resumable
        // TLS session per serial in the process (see BambuFtpsTests' 522 test).
        _bambu = await BambuSimulator.StartAsync(new BambuSimulatorOptions { Serial = "00M09A350100002", Tick = TimeSpan.FromMilliseconds(200) });
        _ftps = await VsftpdServer.StartAsync(_bambu.Certificate);
        _ftps.AddFile("/cache/benchy.3mf", ThreeMf(_plate));
        var prusaOptions = PrusaAdapterHarness.SimulatorOptions(PrusaFlavour.Buddy) with { FilesDirectory = _prusaFiles };
        _prusa = await PrusaLinkSimulator.StartAsync(prusaOptions);
        _capture = await MqttCapture.ConnectAsync(_broker, "printernizer/#", "homeassistant/#", "replies/#");
        var bambuSettings = new BambuSettings(_bambu.Serial, VsftpdServer.AccessCode, null, false, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5))
        {
            FtpsPort = _ftps.Port,
            ReconnectBase = TimeSpan.FromMilliseconds(100),
            ReconnectCap = TimeSpan.FromSeconds(1),
        };
        var config = BridgeTestHost.CreateConfig(_broker, _stateDir) with
        {
            Printers =
            [
                new PrinterDefinition("x1c", "X1C", "bambu_lab", "127.0.0.1", _bambu.Port, null, bambuSettings),
                new PrinterDefinition("mk4", "MK4", "prusa", "127.0.0.1", _prusa.Port, null, PrusaAdapterHarness.Settings(prusaOptions)),
            ],
        };
        _host = BridgeHost.Build(config, PrinterTypeCatalog.CreateRegistry(), new LoggerConfiguration().CreateLogger());
        await _host.StartAsync();

        // Requests are not retained: publish only once the bridge is connected and has subscribed.
        await _capture.WaitForAsync("printernizer/x1c/availability", "online", Wait);
        await _capture.WaitForAsync("printernizer/mk4/availability", "online", Wait);
    }

    [SkippableFact]
    public async Task JobStarted_BothVendors_CoverPublishedRetainedAndImageEntityValidates()
    {
        Skip.IfNot(VsftpdServer.Available, VsftpdServer.SkipReason);
        _bambu.StartJob("benchy");
        _prusa.StartJob();

        var bambu = await _capture.WaitForAsync(m => m.Topic == "printernizer/x1c/thumbnail" && m.Payload.Length > 0, "Bambu cover", Wait);
        var prusa = await _capture.WaitForAsync(m => m.Topic == "printernizer/mk4/thumbnail" && m.Payload.Length > 0, "Prusa cover", Wait);

        Assert.Equal(_plate, bambu.Payload);
        Assert.True(bambu.Retain);
        Assert.Equal(PrusaSimFiles.DefaultThumbnail, prusa.Payload);
        var image = await _capture.WaitForAsync(m => m.Topic == "homeassistant/image/printernizer_x1c/job_cover/config", "image discovery", Wait);
        Assert.Equal("printernizer/x1c/thumbnail", image.Json.GetProperty("image_topic").GetString());
        Assert.Equal("image/png", image.Json.GetProperty("content_type").GetString());
        var report = await DiscoveryValidator.RunAsync(_capture.Messages
            .Where(m => m.Topic.StartsWith("homeassistant/", StringComparison.Ordinal))
            .Select(m => new ValidatorMessage(m.Topic, m.Text, m.Retain, m.Qos)));
        Assert.True(report.ExitCode == 0, report.Output);
        Assert.Empty(report.Problems);
    }

    [SkippableFact]
    public async Task ListRequest_WithMqtt5ResponseTopic_AnsweredOnBothTopics()
    {
        Skip.IfNot(VsftpdServer.Available, VsftpdServer.SkipReason);
        await _capture.PublishAsync("printernizer/x1c/files/request", """{"action":"list","path":"/cache","transaction":"t-1"}""",
            responseTopic: "replies/me", correlationData: [1, 2, 3]);

        var answer = await _capture.WaitForAsync(m => m.Topic == "printernizer/x1c/files/response", "files response", Wait);
        var reply = await _capture.WaitForAsync(m => m.Topic == "replies/me", "MQTT 5 reply", Wait);

        Assert.False(answer.Retain);
        Assert.Equal("ok", answer.Json.GetProperty("status").GetString());
        Assert.Equal("t-1", answer.Json.GetProperty("transaction").GetString());
        var entry = Assert.Single(answer.Json.GetProperty("entries").EnumerateArray(), e => e.GetProperty("name").GetString() == "benchy.3mf");
        Assert.Equal("print", entry.GetProperty("type").GetString());
        Assert.Equal(answer.Payload, reply.Payload);
        Assert.Equal(new byte[] { 1, 2, 3 }, reply.CorrelationData);
    }

    [SkippableFact]
    public async Task DownloadRequest_PrusaFile_WrittenUnderStateDirWithSha256()
    {
        Skip.IfNot(VsftpdServer.Available, VsftpdServer.SkipReason);
        var content = RandomNumberGenerator.GetBytes(300_000);
        Directory.CreateDirectory(Path.Combine(_prusaFiles, "parts"));
        await File.WriteAllBytesAsync(Path.Combine(_prusaFiles, "parts", "gear.bgcode"), content);

        await _capture.PublishAsync("printernizer/mk4/files/request", """{"action":"download","path":"/usb/parts/gear.bgcode","transaction":"d-1"}""");

        var answer = await _capture.WaitForAsync(m => m.Topic == "printernizer/mk4/files/response", "download answer", Wait);
        Assert.True(answer.Json.GetProperty("status").GetString() == "ok", answer.Text);
        var local = answer.Json.GetProperty("local_path").GetString()!;
        Assert.Equal(Path.Combine(_stateDir, "downloads", "mk4", "usb", "parts", "gear.bgcode"), local);
        Assert.Equal(content, await File.ReadAllBytesAsync(local));
        Assert.Equal(Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant(), answer.Json.GetProperty("sha256").GetString());
        Assert.Equal(content.Length, answer.Json.GetProperty("size").GetInt64());
    }

    [SkippableTheory]
    [InlineData("/usb/../../../etc/passwd")]
    [InlineData("/usb/a/../../b")]
    [InlineData("C:/windows")]
    public async Task DownloadRequest_TraversalPath_ErrorAndNothingWritten(string path)
    {
        Skip.IfNot(VsftpdServer.Available, VsftpdServer.SkipReason);
        await _capture.PublishAsync("printernizer/mk4/files/request", $$"""{"action":"download","path":"{{path}}","transaction":"bad"}""");

        var answer = await _capture.WaitForAsync(m => m.Topic == "printernizer/mk4/files/response" && m.Text.Contains("\"bad\"", StringComparison.Ordinal), "error answer", Wait);

        Assert.Equal("error", answer.Json.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(answer.Json.GetProperty("error").GetString()));
        Assert.False(Directory.Exists(Path.Combine(_stateDir, "downloads")) && Directory.EnumerateFiles(Path.Combine(_stateDir, "downloads"), "*", SearchOption.AllDirectories).Any());
    }

    [SkippableFact]
    public async Task DownloadRequest_ThroughSymlinkInDownloadFolder_Refused()
    {
        Skip.IfNot(VsftpdServer.Available, VsftpdServer.SkipReason);
        var outside = Directory.CreateTempSubdirectory("outside-").FullName;
        Directory.CreateDirectory(Path.Combine(_stateDir, "downloads", "x1c"));
        Directory.CreateSymbolicLink(Path.Combine(_stateDir, "downloads", "x1c", "cache"), outside);

        await _capture.PublishAsync("printernizer/x1c/files/request", """{"action":"download","path":"/cache/benchy.3mf","transaction":"link"}""");

        var answer = await _capture.WaitForAsync(m => m.Topic == "printernizer/x1c/files/response" && m.Text.Contains("\"link\"", StringComparison.Ordinal), "error answer", Wait);
        Assert.Equal("error", answer.Json.GetProperty("status").GetString());
        Assert.Contains("symbolic link", answer.Json.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
        Directory.Delete(outside);
    }

    public async Task DisposeAsync()
    {
        if (!VsftpdServer.Available)
        {
            return;
        }

        await _host.StopAsync();
        _host.Dispose();
        await _capture.DisposeAsync();
        await _ftps.DisposeAsync();
        await _bambu.DisposeAsync();
        await _prusa.DisposeAsync();
        await _broker.DisposeAsync();
        Directory.Delete(_stateDir, recursive: true);
        Directory.Delete(_prusaFiles, recursive: true);
    }

    private static byte[] ThreeMf(byte[] png)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var gcode = zip.CreateEntry("Metadata/plate_1.gcode").Open())
            {
                gcode.Write(Encoding.ASCII.GetBytes("; sliced\nG28\n"));
            }

            using var cover = zip.CreateEntry("Metadata/plate_1.png").Open();
            cover.Write(png);
        }

        return buffer.ToArray();
    }

    /// <summary>PNG bytes that differ from the Prusa simulator's, so each printer's cover is told apart.</summary>
    private static byte[] MakePng() => [.. PrusaSimFiles.DefaultThumbnail, .. "extra-plate"u8];
}
