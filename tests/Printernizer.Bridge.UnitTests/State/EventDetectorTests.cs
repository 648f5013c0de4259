using Printernizer.Bridge.Domain;
using Printernizer.Bridge.State;

namespace Printernizer.Bridge.UnitTests.State;

public sealed class EventDetectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);

    private static PrinterState Printer(PrinterStatus status, string? jobId = "1", bool online = true) => new()
    {
        PrinterId = "p",
        Online = online,
        HasData = true,
        Status = status,
        Job = jobId is null ? PrintJob.None : new PrintJob("benchy", "benchy.3mf", jobId, status, null, null),
    };

    private static List<string> Run(params PrinterState[] states)
    {
        var memory = PrinterMemory.Empty;
        var types = new List<string>();
        foreach (var state in states)
        {
            var (events, next) = EventDetector.Detect(memory, state, Now);
            types.AddRange(events.Select(e => e.Type.ToWire()));
            memory = next;
        }

        return types;
    }

    [Fact]
    public void Detect_FullLifecycle_OneEventPerTransition()
    {
        var types = Run(
            Printer(PrinterStatus.Idle, null),
            Printer(PrinterStatus.Preparing),
            Printer(PrinterStatus.Printing),
            Printer(PrinterStatus.Printing),
            Printer(PrinterStatus.Paused),
            Printer(PrinterStatus.Paused),
            Printer(PrinterStatus.Printing),
            Printer(PrinterStatus.Finished),
            Printer(PrinterStatus.Finished),
            Printer(PrinterStatus.Idle, null));

        Assert.Equal(["printer_online", "job_started", "job_paused", "job_resumed", "job_finished"], types);
    }

    [Theory]
    [InlineData("Failed", "job_failed")]
    [InlineData("Cancelled", "job_cancelled")]
    [InlineData("Finished", "job_finished")]
    public void Detect_JobEnds_EndEventMatchesStatus(string end, string expected)
    {
        var types = Run(Printer(PrinterStatus.Printing), Printer(Enum.Parse<PrinterStatus>(end)));

        Assert.Equal(["printer_online", "job_started", expected], types);
    }

    [Fact]
    public void Detect_NewJobIdWhileActive_StartsNewJob()
    {
        var types = Run(Printer(PrinterStatus.Printing, "1"), Printer(PrinterStatus.Printing, "2"));

        Assert.Equal(["printer_online", "job_started", "job_started"], types);
    }

    [Fact]
    public void Detect_OfflineAndBack_OneOfflineOneOnlineAndNoJobReplay()
    {
        var types = Run(
            Printer(PrinterStatus.Printing),
            Printer(PrinterStatus.Printing, online: false),
            Printer(PrinterStatus.Printing, online: false),
            Printer(PrinterStatus.Printing));

        Assert.Equal(["printer_online", "job_started", "printer_offline", "printer_online"], types);
    }

    [Fact]
    public void Detect_FinishedWhileOffline_FinishedReportedOnReturn()
    {
        var types = Run(Printer(PrinterStatus.Printing), Printer(PrinterStatus.Printing, online: false), Printer(PrinterStatus.Finished));

        Assert.Equal(["printer_online", "job_started", "printer_offline", "printer_online", "job_finished"], types);
    }

    [Fact]
    public void Detect_RememberedRunningJob_NoJobStartedAfterRestart()
    {
        var remembered = new PrinterMemory("1", PrinterStatus.Printing, true, null);

        var (events, _) = EventDetector.Detect(remembered, Printer(PrinterStatus.Printing), Now);

        Assert.Empty(events);
    }

    [Fact]
    public void Detect_NotYetConnected_NoEventAndMemoryUnchanged()
    {
        var remembered = new PrinterMemory("1", PrinterStatus.Printing, true, null);
        var connecting = new PrinterState { PrinterId = "p", Online = false, HasData = false };

        var (events, memory) = EventDetector.Detect(remembered, connecting, Now);

        Assert.Empty(events);
        Assert.Equal(remembered, memory);
    }

    [Fact]
    public void Detect_NewErrorCode_OneErrorEventCarryingTheError()
    {
        var error = new PrinterError("0300_400C", "cancelled");
        var memory = PrinterMemory.Empty;
        var all = new List<PrinterEvent>();
        foreach (var state in new[] { Printer(PrinterStatus.Printing), Printer(PrinterStatus.Printing) with { Error = error }, Printer(PrinterStatus.Printing) with { Error = error } })
        {
            var (events, next) = EventDetector.Detect(memory, state, Now);
            all.AddRange(events);
            memory = next;
        }

        var errorEvent = Assert.Single(all, e => e.Type == PrinterEventType.Error);
        Assert.Equal(error, errorEvent.Error);
    }
}
