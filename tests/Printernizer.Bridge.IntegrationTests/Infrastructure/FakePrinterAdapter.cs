using System.Collections.Concurrent;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Printers;

namespace Printernizer.Bridge.IntegrationTests.Infrastructure;

/// <summary>An adapter double: the test reports states through it and decides command results.</summary>
internal sealed class FakePrinterAdapter : IPrinterAdapter
{
    private readonly TimeProvider _time;
    private readonly TaskCompletionSource<IPrinterStateSink> _sink = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakePrinterAdapter(string printerId, TimeProvider time)
    {
        PrinterId = printerId;
        _time = time;
    }

    public string PrinterId { get; }

    public ConcurrentQueue<PrinterCommand> Commands { get; } = new();

    public Func<PrinterCommand, CancellationToken, Task<CommandResult>> OnCommand { get; set; } =
        (_, _) => Task.FromResult(CommandResult.Success);

    public async Task RunAsync(IPrinterStateSink sink, CancellationToken cancellationToken)
    {
        _sink.TrySetResult(sink);
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }

    public Task<CommandResult> ExecuteAsync(PrinterCommand command, CancellationToken cancellationToken)
    {
        Commands.Enqueue(command);
        return OnCommand(command, cancellationToken);
    }

    /// <summary>Reports a state as the adapter would (waits until the bridge started the adapter).</summary>
    public async Task ReportAsync(PrinterState state)
    {
        var sink = await _sink.Task.WaitAsync(TimeSpan.FromSeconds(20));
        sink.Report(state with { PrinterId = PrinterId, UpdatedAt = _time.GetUtcNow() });
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>A realistic printing state with every capability, as a starting point for tests.</summary>
    public static PrinterState Printing(string jobId = "42", double percent = 40) => new()
    {
        PrinterId = "unset",
        Online = true,
        HasData = true,
        Status = PrinterStatus.Printing,
        Stage = "printing",
        Model = "X1C",
        Firmware = "01.08.02.00",
        Serial = "00M00A000000000",
        Temperatures = new Temperatures(new Temperature(219.6, 220), new Temperature(60.1, 60), new Temperature(34, null)),
        Progress = new JobProgress(percent, 120, 300, 3600, 1800, new DateTimeOffset(2026, 11, 25, 15, 3, 0, TimeSpan.Zero)),
        Job = new PrintJob("benchy", "benchy.gcode.3mf", jobId, PrinterStatus.Printing, new DateTimeOffset(2026, 11, 25, 13, 33, 0, TimeSpan.Zero), null),
        Filament = new FilamentState(
            [new FilamentUnit("0", 20, 25, [new FilamentTray("0", "PLA", "#FF0000", 80, true), new FilamentTray("1", null, null, null, false)])],
            new FilamentTray("ext", "PETG", "#00FF00", null, false),
            null),
        Hms = [new HmsEntry("0300_0100_0001_0007", "common", "The heatbed temperature is abnormal.", "https://wiki.bambulab.com/en/x1/troubleshooting/hmscode/0300_0100_0001_0007")],
        Capabilities = new PrinterCapabilities(true, false, true, true, true, true, true, true, true),
    };
}
