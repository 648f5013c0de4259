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
    private byte[][] _alternating = [];
    private int _next;
    private BambuPayloadDecoder _decoder = null!;
    private BambuReportCache _nodeCache = null!;
    private BambuReportPipeline _pipeline = null!;
    private PrinterState _previous = null!;
    private PrinterState _alternatingState = null!;

    [GlobalSetup]
    public void Setup()
    {
        var faults = new BambuInputFaultCounter(NullLogger.Instance, "bench");
        _decoder = new BambuPayloadDecoder(faults);
        _nodeCache = new BambuReportCache(new BambuReportSanitizer(faults));
        _pipeline = new BambuReportPipeline(faults);
        var simulated = new BambuSimulatedPrinter(new BambuSimulatorOptions { Profile = BambuSimulatorProfile.P1S }, Now);
        var reports = new BambuSimReportBuilder(new BambuSimulatorOptions { Profile = BambuSimulatorProfile.P1S });
        simulated.StartJob("benchy", Now);
        _full = Encoding.UTF8.GetBytes(reports.Full(simulated));
        simulated.Advance(Now.AddSeconds(200));
        _delta = Encoding.UTF8.GetBytes(reports.Delta(simulated));
        simulated.Advance(Now.AddSeconds(260));
        _alternating = [_delta, Encoding.UTF8.GetBytes(reports.Delta(simulated))];
        var version = Encoding.UTF8.GetBytes(reports.Version());
        _nodeCache.Apply(_decoder.Decode(version)!, out _);
        _nodeCache.Apply(_decoder.Decode(_full)!, out _);
        _pipeline.Accept(version, out _);
        _pipeline.Accept(_full, out _);
        _previous = new PrinterState { PrinterId = "bench", Serial = "01P00A000000001" };
        _previous = _pipeline.Normalize(_previous, false, Now);
        _alternatingState = _previous;
    }

    [Benchmark]
    public object FullReport()
    {
        _pipeline.Accept(_full, out _);
        return _pipeline.Normalize(_previous, false, Now);
    }

    /// <summary>The same delta again and again: after the first, nothing in it is new.</summary>
    [Benchmark]
    public object DeltaMerge()
    {
        _pipeline.Accept(_delta, out _);
        return _pipeline.Normalize(_previous, false, Now);
    }

    /// <summary>Two deltas of a running print in turn, the last state fed back as the runner does: values change every time.</summary>
    [Benchmark]
    public object DeltaMergeAlternating()
    {
        _pipeline.Accept(_alternating[_next++ & 1], out _);
        return _alternatingState = _pipeline.Normalize(_alternatingState, false, Now);
    }

    /// <summary>The node path (decode to a JsonObject, merge, read everything) that odd payloads still take.</summary>
    [Benchmark]
    public object DeltaMergeNodePath()
    {
        _nodeCache.Apply(_decoder.Decode(_delta)!, out _);
        return BambuReportNormalizer.Normalize(_nodeCache.Print, _nodeCache.Version, _previous, false, Now);
    }

    [Benchmark]
    public object NormalizeOnly() => _pipeline.Normalize(_previous, false, Now);
}
