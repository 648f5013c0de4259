using BenchmarkDotNet.Attributes;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.HomeAssistant;
using Printernizer.Bridge.Printers.Bambu;
using Printernizer.Bridge.Publishing;

namespace Printernizer.Bridge.Benchmarks.Micro;

/// <summary>Building one printer's Home Assistant discovery configs (done once per printer and on capability changes).</summary>
[MemoryDiagnoser]
public class DiscoveryBenchmarks
{
    private readonly DiscoveryPayloadBuilder _builder = new(new TopicLayout("printernizer", "homeassistant"), "0.1.0", "https://example.invalid");
    private readonly PrinterDefinition _printer = new(
        "p1s", "P1S", "bambu_lab", "127.0.0.1", 8883, null,
        new BambuSettings("01P00A000000001", "12345678", null, TlsInsecure: true, BambuSettings.DefaultWatchdog, BambuSettings.DefaultAuthRetry));

    private readonly PrinterState _state = new()
    {
        PrinterId = "p1s",
        Online = true,
        HasData = true,
        Model = "P1S",
        Firmware = "01.08.00.00",
        Serial = "01P00A000000001",
        Capabilities = new PrinterCapabilities(true, false, true, true, true, true, true, true, true),
    };

    [Benchmark]
    public int BuildPrinter() => _builder.BuildPrinter(_printer, _state, controlEnabled: true).Count;
}
