using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Bridge.IntegrationTests.Prusa;
using Printernizer.Simulators.Bambu;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.IntegrationTests.Observability;

/// <summary>/metrics of the real host while simulated printers print.</summary>
public sealed class MetricsEndpointTests : IAsyncLifetime
{
    private readonly string _stateDir = Directory.CreateTempSubdirectory("printernizer-metrics-").FullName;
    private TestBroker _broker = null!;
    private BambuSimulator _bambu = null!;
    private PrusaLinkSimulator _prusa = null!;

    public async Task InitializeAsync()
    {
        _broker = await TestBroker.StartAsync();
        _bambu = await BambuSimulator.StartAsync(new BambuSimulatorOptions { Tick = TimeSpan.FromMilliseconds(100), JobDuration = TimeSpan.FromMinutes(5) });
        _prusa = await PrusaLinkSimulator.StartAsync(PrusaAdapterHarness.SimulatorOptions(PrusaFlavour.Buddy) with { JobDuration = TimeSpan.FromMinutes(5) });
    }

    public async Task DisposeAsync()
    {
        await _prusa.DisposeAsync();
        await _bambu.DisposeAsync();
        await _broker.DisposeAsync();
        Directory.Delete(_stateDir, recursive: true);
    }

    [Fact]
    public async Task Metrics_DuringSimulatedPrint_CountersMoveAndEveryPrinterHasAConnectionGauge()
    {
        await using var bridge = await ObservedBridge.StartAsync(_broker, _stateDir, [ObservedBridge.Bambu("x1c", _bambu), ObservedBridge.Prusa("mk4", _prusa)]);
        await bridge.WaitForAsync("/metrics", (_, body) => Connected(body, "x1c") && Connected(body, "mk4"), "both printers connected");
        _bambu.StartJob("metrics_benchy");
        _prusa.StartJob();

        var first = PrometheusTextParser.Parse((await bridge.GetAsync("/metrics")).Body);
        var (status, text) = await bridge.WaitForAsync(
            "/metrics",
            (_, body) =>
            {
                var later = PrometheusTextParser.Parse(body);
                return Value(later, "printernizer_printer_reports_received_total", "x1c") > Value(first, "printernizer_printer_reports_received_total", "x1c")
                    && Value(later, "printernizer_printer_reports_received_total", "mk4") > Value(first, "printernizer_printer_reports_received_total", "mk4")
                    && Value(later, "printernizer_mqtt_messages_published_total") > Value(first, "printernizer_mqtt_messages_published_total");
            },
            "counters that move while printing");

        Assert.Equal(200, status);
        var metrics = PrometheusTextParser.Parse(text);
        foreach (var printer in new[] { ("x1c", "bambu_lab"), ("mk4", "prusa") })
        {
            var gauge = Assert.Single(metrics["printernizer_printer_connected"].Samples, s => s.Label("printer") == printer.Item1);
            Assert.Equal(printer.Item2, gauge.Label("type"));
            Assert.Equal(1, gauge.Value);
            var age = Value(metrics, "printernizer_printer_last_message_age_seconds", printer.Item1);
            Assert.True(double.IsFinite(age) && age >= 0, $"last message age of {printer.Item1}: {age}");
        }

        Assert.Equal("gauge", metrics["printernizer_printer_connected"].Type);
        Assert.Equal("counter", metrics["printernizer_printer_reports_received_total"].Type);
        Assert.Equal("histogram", metrics["printernizer_printer_poll_duration_seconds"].Type);
        Assert.True(Sample(metrics, "printernizer_printer_poll_duration_seconds_count", "mk4") > 0, "PrusaLink polls were timed");
        Assert.True(Value(metrics, "printernizer_mqtt_connected") == 1);
        Assert.True(metrics["printernizer_mqtt_publish_duration_seconds"].Samples.Single(s => s.Name.EndsWith("_count", StringComparison.Ordinal)).Value > 0);
        Assert.Contains(metrics["printernizer_mqtt_queue_messages"].Samples, s => s.Value >= 0);
        Assert.True(Value(metrics, "process_working_set_bytes") > 0);
        Assert.NotEmpty(metrics["dotnet_collection_count_total"].Samples);
        Assert.All(metrics.Values.Where(f => f.Name.StartsWith("printernizer_", StringComparison.Ordinal)), f => Assert.NotNull(f.Help));
    }

    [Fact]
    public async Task Metrics_RejectedInputAndCommands_AreCountedByKindAndResult()
    {
        await using var bridge = await ObservedBridge.StartAsync(_broker, _stateDir, [ObservedBridge.Bambu("x1c", _bambu)]);
        await using var capture = await MqttCapture.ConnectAsync(_broker, "printernizer/x1c/#");
        await capture.WaitForAsync("printernizer/x1c/availability", "online");
        _bambu.StartJob("command_benchy");
        await capture.WaitForAsync(m => m.Topic == "printernizer/x1c/state" && m.Json.GetProperty("status").GetString() is "preparing" or "printing", "printing");

        await _bambu.PublishRawAsync("{not json"u8.ToArray());
        await capture.PublishAsync("printernizer/x1c/command", "cancel");
        await capture.PublishAsync("printernizer/x1c/command", "explode");
        await capture.WaitForAsync(m => m.Topic == "printernizer/x1c/command/result" && m.Text.Contains("\"cancel\"", StringComparison.Ordinal), "cancel answered");

        var (_, text) = await bridge.WaitForAsync(
            "/metrics",
            (_, body) => body.Contains("kind=\"invalid_json\"", StringComparison.Ordinal) && body.Contains("command=\"invalid\"", StringComparison.Ordinal),
            "rejected input and both commands counted");
        var metrics = PrometheusTextParser.Parse(text);
        var rejected = Assert.Single(metrics["printernizer_printer_reports_rejected_total"].Samples, s => s.Label("kind") == "invalid_json");
        Assert.Equal(("x1c", "bambu_lab"), (rejected.Label("printer"), rejected.Label("type")));
        Assert.True(rejected.Value >= 1);
        var commands = metrics["printernizer_printer_commands_total"].Samples;
        Assert.Equal(1, Assert.Single(commands, s => s.Label("command") == "cancel").Value);
        Assert.Equal("ok", Assert.Single(commands, s => s.Label("command") == "cancel").Label("result"));
        Assert.Equal("error", Assert.Single(commands, s => s.Label("command") == "invalid").Label("result"));
    }

    private static bool Connected(string body, string printer)
    {
        var metrics = PrometheusTextParser.Parse(body);
        return metrics.TryGetValue("printernizer_printer_connected", out var family)
            && family.Samples.Any(s => s.Label("printer") == printer && s.Value == 1);
    }

    private static double Value(IReadOnlyDictionary<string, PrometheusFamily> metrics, string family, string? printer = null) =>
        metrics.TryGetValue(family, out var f) && f.Samples.FirstOrDefault(s => printer is null || s.Label("printer") == printer) is { } sample
            ? sample.Value
            : 0;

    private static double Sample(IReadOnlyDictionary<string, PrometheusFamily> metrics, string sampleName, string printer) =>
        metrics.Values.SelectMany(f => f.Samples).Single(s => s.Name == sampleName && s.Label("printer") == printer).Value;
}
