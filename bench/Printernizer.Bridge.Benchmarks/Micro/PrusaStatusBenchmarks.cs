using BenchmarkDotNet.Attributes;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Printers.Prusa;

namespace Printernizer.Bridge.Benchmarks.Micro;

/// <summary>One PrusaLink <c>/api/v1/status</c> poll: parse and normalize.</summary>
[MemoryDiagnoser]
public class PrusaStatusBenchmarks
{
    // A Buddy (MK4) printing, as in the captured fixture buddy_api-v1-status_printing.json.
    private const string Status = """
        {"job":{"id":14,"progress":67,"time_remaining":3960,"time_printing":8546},
         "storage":{"path":"/usb/","name":"usb","read_only":false},
         "printer":{"state":"PRINTING","temp_bed":60,"target_bed":60,"temp_nozzle":225,"target_nozzle":225,
                    "axis_z":68.4,"flow":100,"speed":100,"fan_hotend":3558,"fan_print":5023}}
        """;

    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 3, 0, TimeSpan.Zero);
    private readonly PrinterState _previous = new() { PrinterId = "bench", Online = true, HasData = true, Status = PrinterStatus.Printing };

    [Benchmark]
    public object ParseAndNormalize() => PrusaStatusNormalizer.Apply(_previous, PrusaStatusReader.Read(Status), job: null, Now);
}
