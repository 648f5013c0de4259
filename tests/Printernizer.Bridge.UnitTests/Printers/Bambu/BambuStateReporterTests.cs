using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Printers;
using Printernizer.Bridge.Printers.Bambu;
using Microsoft.Extensions.Time.Testing;

namespace Printernizer.Bridge.UnitTests.Printers.Bambu;

/// <summary>The adapter passes on a state only when its content changed, not on every report.</summary>
public sealed class BambuStateReporterTests
{
    private readonly FakeTimeProvider _time = new(BambuFixtures.Now);
    private readonly RecordingSink _sink = new();
    private readonly BambuStateReporter _reporter;

    public BambuStateReporterTests()
    {
        _reporter = new BambuStateReporter("p", "SERIAL", _time);
        _reporter.Attach(_sink);
    }

    [Fact]
    public void Report_FirstAfterAttach_PassedOnEvenIfUnchanged()
    {
        _reporter.Report(_reporter.Current);

        Assert.Single(_sink.States);
    }

    [Fact]
    public void Report_FreshListsSameContentLaterTime_NotPassedOnAndUpdatedAtKept()
    {
        _reporter.Report(Printing(BambuFixtures.Now));

        _reporter.Report(Printing(BambuFixtures.Now.AddSeconds(2)));

        Assert.Single(_sink.States);
        Assert.Equal(BambuFixtures.Now, _reporter.Current.UpdatedAt);
    }

    [Theory]
    [InlineData("hms")]
    [InlineData("tray")]
    [InlineData("humidity")]
    [InlineData("nozzle")]
    public void Report_OneValueChanged_PassedOn(string what)
    {
        var first = Printing(BambuFixtures.Now);
        _reporter.Report(first);
        var unit = first.Filament.Units[0];
        var changed = what switch
        {
            "hms" => first with { Hms = [new HmsEntry("0300_0100_0001_0007", "common", null, null), new HmsEntry("0C00_0300_0003_0007", "common", null, null)] },
            "tray" => first with { Filament = first.Filament with { Units = [unit with { Trays = [unit.Trays[0] with { Remain = 79 }] }] } },
            "humidity" => first with { Filament = first.Filament with { Units = [unit with { Humidity = 21 }] } },
            _ => first with { Temperatures = first.Temperatures with { Nozzle = new Temperature(221, 220) } },
        };

        _reporter.Report(changed with { UpdatedAt = BambuFixtures.Now.AddSeconds(1) });

        Assert.Equal(2, _sink.States.Count);
    }

    [Fact]
    public void Offline_Twice_PassedOnOnceKeepingValues()
    {
        _reporter.Report(Printing(BambuFixtures.Now));

        _reporter.Offline(error: null);
        _time.Advance(TimeSpan.FromSeconds(5));
        _reporter.Offline(error: null);

        Assert.Equal(2, _sink.States.Count);
        Assert.False(_sink.States[^1].Online);
        Assert.Equal("a", _sink.States[^1].Job.Name);
    }

    private static PrinterState Printing(DateTimeOffset at) => new()
    {
        PrinterId = "p",
        Online = true,
        HasData = true,
        Status = PrinterStatus.Printing,
        Hms = [new HmsEntry("0300_0100_0001_0007", "common", "The heatbed temperature is abnormal.", "https://wiki.bambulab.com/x")],
        Temperatures = new Temperatures(new Temperature(220, 220), new Temperature(60, 60), null),
        Job = new PrintJob("a", "a.3mf", "1", PrinterStatus.Printing, BambuFixtures.Now, null),
        Filament = new FilamentState([new FilamentUnit("0", 20, 25, [new FilamentTray("0", "PLA", "#FF0000", 80, true)])], null, null),
        UpdatedAt = at,
    };

    private sealed class RecordingSink : IPrinterStateSink
    {
        public List<PrinterState> States { get; } = [];

        public void Report(PrinterState state) => States.Add(state);
    }
}
