using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Printers.Bambu;
using Printernizer.Simulators.Bambu;

namespace Printernizer.Bridge.Benchmarks.Micro;

/// <summary>One Bambu report through decoder, cache (replace or merge) and normalizer, as the session runner does it.</summary>
[MemoryDiagnoser]
public class BambuPipelineBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 3, 0, TimeSpan.Zero);
    private byte[] _full = [];
    private byte[] _delta = [];
    private BambuPayloadDecoder _decoder = null!;
    private BambuReportCache _cache = null!;
    private PrinterState _previous = null!;
    private BambuVersionInfo _version = BambuVersionInfo.Unknown;

    [GlobalSetup]
    public void Setup()
    {
        var faults = new BambuInputFaultCounter(NullLogger.Instance, "bench");
        _decoder = new BambuPayloadDecoder(faults);
        _cache = new BambuReportCache(new BambuReportSanitizer(faults));
        var simulated = new BambuSimulatedPrinter(new BambuSimulatorOptions { Profile = BambuSimulatorProfile.P1S }, Now);
        var reports = new BambuSimReportBuilder(new BambuSimulatorOptions { Profile = BambuSimulatorProfile.P1S });
        simulated.StartJob("benchy", Now);
        _full = Encoding.UTF8.GetBytes(reports.Full(simulated));
        simulated.Advance(Now.AddSeconds(200));
        _delta = Encoding.UTF8.GetBytes(reports.Delta(simulated));
        _cache.Apply(_decoder.Decode(_full)!, out _);
        _version = new BambuVersionInfo("P1S", "01.08.00.00");
        _previous = new PrinterState { PrinterId = "bench", Serial = "01P00A000000001" };
        _previous = BambuReportNormalizer.Normalize(_cache.Print, _version, _previous, false, Now);
    }

    [Benchmark]
    public object FullReport()
    {
        _cache.Apply(_decoder.Decode(_full)!, out _);
        return BambuReportNormalizer.Normalize(_cache.Print, _version, _previous, false, Now);
    }

    [Benchmark]
    public object DeltaMerge()
    {
        _cache.Apply(_decoder.Decode(_delta)!, out _);
        return BambuReportNormalizer.Normalize(_cache.Print, _version, _previous, false, Now);
    }

    [Benchmark]
    public object NormalizeOnly() => BambuReportNormalizer.Normalize(_cache.Print, _version, _previous, false, Now);
}
