using BenchmarkDotNet.Attributes;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Publishing;
using Printernizer.Bridge.Publishing.Mqtt;
using Printernizer.Bridge.Publishing.Payloads;

namespace Printernizer.Bridge.Benchmarks.Micro;

/// <summary>
/// The publisher's per-state work: change detection over the five retained payloads, for a
/// state that changed only below the deadband (the common 1 Hz report) and one whose layer changed.
/// </summary>
[MemoryDiagnoser]
public class PublicationBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 3, 0, TimeSpan.Zero);
    private readonly List<OutgoingMessage> _output = new(16);
    private PrinterPublication _publication = null!;
    private PrinterState _state = null!;
    private int _layer;

    [GlobalSetup]
    public void Setup()
    {
        _publication = new PrinterPublication("bench", new TopicLayout("printernizer", "homeassistant"), controlEnabled: true);
        _state = new PrinterState
        {
            PrinterId = "bench",
            Online = true,
            HasData = true,
            Status = PrinterStatus.Printing,
            Stage = "printing",
            Model = "P1S",
            Firmware = "01.08.00.00",
            Serial = "01P00A000000001",
            Temperatures = new Temperatures(new Temperature(219.6, 220), new Temperature(60.1, 60), null),
            Progress = new JobProgress(42.5, 120, 300, 3600, 1800, Now.AddHours(1)),
            Job = new PrintJob("benchy", "benchy.gcode.3mf", "12345", PrinterStatus.Printing, Now.AddMinutes(-30), null),
            UpdatedAt = Now,
        };
        _publication.Update(_state, Now, _output);
    }

    [Benchmark]
    public int UpdateUnchanged()
    {
        _output.Clear();
        _publication.Update(_state with { Temperatures = new Temperatures(new Temperature(219.8, 220), new Temperature(60.1, 60), null) }, Now, _output);
        return _output.Count;
    }

    [Benchmark]
    public int UpdateLayerChanged()
    {
        _output.Clear();
        _publication.Update(_state with { Progress = _state.Progress with { Layer = ++_layer } }, Now, _output);
        return _output.Count;
    }

    [Benchmark]
    public byte[] SerializeState() => PayloadSerializer.State(_state, ControlState.Available, Now);

    [Benchmark]
    public byte[] SerializeProgress() => PayloadSerializer.Progress(_state.Progress);
}
