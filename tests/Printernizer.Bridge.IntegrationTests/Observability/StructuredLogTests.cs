using System.Text.Json;
using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Bridge.IntegrationTests.Prusa;
using Printernizer.Simulators.Bambu;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.IntegrationTests.Observability;

/// <summary><c>log_format: json</c> of the real host with real adapters: shape, and the printer id on printer lines.</summary>
public sealed class StructuredLogTests : IAsyncLifetime
{
    private readonly string _stateDir = Directory.CreateTempSubdirectory("printernizer-logs-").FullName;
    private TestBroker _broker = null!;
    private BambuSimulator _bambu = null!;
    private PrusaLinkSimulator _prusa = null!;

    public async Task InitializeAsync()
    {
        _broker = await TestBroker.StartAsync();
        _bambu = await BambuSimulator.StartAsync(new BambuSimulatorOptions { Tick = TimeSpan.FromMilliseconds(100) });
        _prusa = await PrusaLinkSimulator.StartAsync(PrusaAdapterHarness.SimulatorOptions(PrusaFlavour.Buddy));
    }

    public async Task DisposeAsync()
    {
        await _prusa.DisposeAsync();
        await _bambu.DisposeAsync();
        await _broker.DisposeAsync();
        Directory.Delete(_stateDir, recursive: true);
    }

    [Fact]
    public async Task JsonLogs_PrintersConnectFailAndRecover_EveryLineIsCompactJsonAndPrinterLinesCarryTheId()
    {
        var bridge = await ObservedBridge.StartAsync(_broker, _stateDir, [ObservedBridge.Bambu("x1c", _bambu), ObservedBridge.Prusa("mk4", _prusa)]);
        await using (bridge)
        {
            await using var capture = await MqttCapture.ConnectAsync(_broker, "printernizer/+/availability");
            await capture.WaitForAsync("printernizer/x1c/availability", "online");
            await capture.WaitForAsync("printernizer/mk4/availability", "online");

            // Lines from inside the adapters, including ones that do not name the printer in the message.
            await _bambu.PublishRawAsync("{broken"u8.ToArray());
            await _prusa.StopAsync();
            await capture.WaitForAsync("printernizer/mk4/availability", "offline");
            await bridge.StopAsync();
        }

        var events = bridge.LogLines.Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.All(events, e =>
        {
            Assert.Equal(JsonValueKind.Object, e.ValueKind);
            Assert.True(e.TryGetProperty("@t", out var t) && DateTimeOffset.TryParse(t.GetString(), out _), e.ToString());
            Assert.True(e.TryGetProperty("@m", out _), e.ToString());
            Assert.True(e.TryGetProperty("SourceContext", out _), e.ToString());
        });

        var printerLines = events.Where(IsPrinterLine).ToArray();
        Assert.All(printerLines, e => Assert.True(
            e.TryGetProperty("printer", out var p) && p.GetString() is "x1c" or "mk4", $"printer line without printer id: {e}"));
        Assert.Contains(printerLines, e => Source(e).Contains(".Prusa.", StringComparison.Ordinal) && e.GetProperty("printer").GetString() == "mk4"
            && !e.TryGetProperty("PrinterId", out _));
        Assert.Contains(printerLines, e => Source(e).Contains(".Bambu.", StringComparison.Ordinal) && e.GetProperty("printer").GetString() == "x1c"
            && e.TryGetProperty("@l", out var level) && level.GetString() == "Warning");
    }

    private static string Source(JsonElement e) => e.GetProperty("SourceContext").GetString() ?? string.Empty;

    /// <summary>Written by an adapter, the supervisor, or about a printer (names one in the message).</summary>
    private static bool IsPrinterLine(JsonElement e) =>
        Source(e).StartsWith("Printernizer.Bridge.Printers.", StringComparison.Ordinal)
        || Source(e).EndsWith(".PrinterSupervisor", StringComparison.Ordinal)
        || e.TryGetProperty("PrinterId", out _);
}
