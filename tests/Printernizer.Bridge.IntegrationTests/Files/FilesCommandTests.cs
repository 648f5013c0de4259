using System.Security.Cryptography;
using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Bridge.IntegrationTests.Prusa;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.IntegrationTests.Files;

/// <summary><c>files list</c> and <c>files get</c> as a real process, against the PrusaLink simulator.</summary>
public sealed class FilesCommandTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("files-cli-").FullName;
    private PrusaLinkSimulator _prusa = null!;
    private byte[] _content = [];

    public async Task InitializeAsync()
    {
        var storage = Directory.CreateDirectory(Path.Combine(_dir, "storage", "parts")).FullName;
        _content = RandomNumberGenerator.GetBytes(3 * 1024 * 1024);
        await File.WriteAllBytesAsync(Path.Combine(storage, "gear.bgcode"), _content);
        _prusa = await PrusaLinkSimulator.StartAsync(PrusaAdapterHarness.SimulatorOptions(PrusaFlavour.Buddy) with { FilesDirectory = Path.Combine(_dir, "storage") });
    }

    [Fact]
    public async Task FilesList_Folder_PrintsEntriesAndExitsZero()
    {
        var (code, output) = await BridgeProcess.RunAsync("files", "list", "mk4", "/usb/parts", "--config", Config(_prusa.Port));

        Assert.True(code == 0, output);
        Assert.Contains("/usb/parts/gear.bgcode", output, StringComparison.Ordinal);
        Assert.Contains("print", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FilesGet_File_WritesDestinationWithProgressAndSha256()
    {
        var destination = Directory.CreateDirectory(Path.Combine(_dir, "out")).FullName;

        var (code, output) = await BridgeProcess.RunAsync("files", "get", "mk4", "/usb/parts/gear.bgcode", destination, "--config", Config(_prusa.Port));

        Assert.True(code == 0, output);
        var written = await File.ReadAllBytesAsync(Path.Combine(destination, "gear.bgcode"));
        Assert.Equal(_content, written);
        Assert.Contains(Convert.ToHexString(SHA256.HashData(_content)).ToLowerInvariant(), output, StringComparison.Ordinal);
        Assert.Contains("100%", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FilesList_PrinterUnreachable_ClearErrorExitOne()
    {
        var (code, output) = await BridgeProcess.RunAsync("files", "list", "mk4", "/", "--config", Config(TestBroker.FreePort()));

        Assert.Equal(1, code);
        Assert.Contains("error: printer 'mk4' is not reachable", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FilesGet_UnknownPrinter_NamesTheConfiguredOnes()
    {
        var (code, output) = await BridgeProcess.RunAsync("files", "get", "nope", "/usb/x", "--config", Config(_prusa.Port));

        Assert.Equal(2, code);
        Assert.Contains("no printer 'nope'", output, StringComparison.Ordinal);
        Assert.Contains("mk4", output, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _prusa.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private string Config(int port)
    {
        var path = Path.Combine(_dir, $"config-{port}.yaml");
        File.WriteAllText(path, $"""
            mqtt:
              url: mqtt://127.0.0.1:1
            state_dir: {Path.Combine(_dir, "state")}
            printers:
              - id: mk4
                type: prusa
                host: 127.0.0.1
                port: {port}
                password: {_prusa.Options.Password}
            """);
        return path;
    }
}
