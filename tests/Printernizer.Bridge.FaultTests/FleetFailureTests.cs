using System.Diagnostics;
using Printernizer.Bridge.FaultTests.Infrastructure;
using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.FaultTests;

/// <summary>Scenario 4: half of a fleet of 50 printers becomes unreachable at once.</summary>
public sealed class FleetFailureTests : IAsyncLifetime
{
    private const int FleetSize = 50;
    private const int Failing = FleetSize / 2;
    private static readonly TimeSpan BackoffCap = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    private readonly ITestOutputHelper _output;
    private readonly string _stateDir = Directory.CreateTempSubdirectory("printernizer-fault-").FullName;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<PrusaLinkSimulator> _printers = [];
    private readonly List<SwitchableLink> _links = [];
    private TestBroker _broker = null!;

    public FleetFailureTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public async Task InitializeAsync()
    {
        _broker = await TestBroker.StartAsync();
        for (var i = 0; i < FleetSize; i++)
        {
            var printer = await PrusaLinkSimulator.StartAsync(SimulatedPrinters.PrusaOptions(100 + i, TimeSpan.FromMinutes(30)));
            printer.StartJob();
            _printers.Add(printer);
            _links.Add(new SwitchableLink(printer.Port, _clock));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var link in _links)
        {
            await link.DisposeAsync();
        }

        foreach (var printer in _printers)
        {
            await printer.DisposeAsync();
        }

        await _broker.DisposeAsync();
        Directory.Delete(_stateDir, recursive: true);
    }

    [Fact]
    public async Task HalfOfFiftyUnreachable_HealthyHalfKeepsItsPaceAndRetriesAreSpreadAndBounded()
    {
        var definitions = Enumerable.Range(0, FleetSize)
            .Select(i => SimulatedPrinters.Prusa(Id(i), _printers[i], _links[i].Port, backoffCap: BackoffCap))
            .ToArray();
        await using var timed = await TimedCapture.ConnectAsync(_broker, _clock, "printernizer/+/progress", "printernizer/+/availability");
        await using var bridge = await FaultBridge.StartAsync(FaultBridge.CreateConfig(_broker, _stateDir, definitions));
        await Eventually.WaitAsync(() => Enumerable.Range(0, FleetSize).All(i => LastAvailability(timed, i) == "online"), "all 50 online", TimeSpan.FromSeconds(90));

        var beforeStart = _clock.Elapsed;
        await Task.Delay(Window);
        var before = Intervals(timed, beforeStart, _clock.Elapsed);

        var cutAt = _clock.Elapsed;
        foreach (var link in _links.Skip(FleetSize - Failing))
        {
            link.GoDown();
        }

        await Eventually.WaitAsync(() => Enumerable.Range(FleetSize - Failing, Failing).All(i => LastAvailability(timed, i) == "offline"), "the failing half offline", TimeSpan.FromSeconds(60));
        var duringStart = _clock.Elapsed;
        await Task.Delay(Window);
        var duringEnd = _clock.Elapsed;
        var during = Intervals(timed, duringStart, duringEnd);
        await bridge.StopAsync();
        SecretScan.AssertClean(_printers.Select(p => p.Options.Password).ToArray(), bridge.Logs.Lines, []);

        var attempts = _links.Skip(FleetSize - Failing).Select(l => l.RefusedAttempts.Where(t => t > cutAt && t <= duringEnd).ToArray()).ToArray();
        var minutes = (duringEnd - cutAt).TotalMinutes;
        var perMinute = attempts.Sum(a => a.Length) / minutes;
        var fifth = attempts.Where(a => a.Length >= 5).Select(a => (a[4] - cutAt).TotalSeconds).ToArray();
        var spread = fifth.Length > 1 ? fifth.Max() - fifth.Min() : 0;
        _output.WriteLine($"healthy half, interval between progress updates: before median {Median(before):0.00} s p95 {P95(before):0.00} s ({before.Count} samples); during median {Median(during):0.00} s p95 {P95(during):0.00} s ({during.Count} samples)");
        _output.WriteLine($"failing half: {attempts.Sum(a => a.Length)} connection attempts in {minutes * 60:0} s = {perMinute:0} per minute for {Failing} printers ({perMinute / Failing:0.0} per printer per minute, backoff cap {BackoffCap.TotalSeconds:0} s); most by one printer {attempts.Max(a => a.Length)}");
        _output.WriteLine("attempts of one failing printer, s after the cut: " + string.Join(" ", attempts[0].Select(t => (t - cutAt).TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture))));
        _output.WriteLine($"5th attempt after the cut: {fifth.Min():0.0}..{fifth.Max():0.0} s (spread {spread:0.0} s over {fifth.Length} printers)");

        // The healthy half keeps its pace: generous slack for a loaded machine, but a stall behind the dead half would be many seconds.
        Assert.True(Median(during) <= (2 * Median(before)) + 1, $"median interval grew from {Median(before):0.00} s to {Median(during):0.00} s");
        Assert.True(during.Count >= before.Count / 2, $"only {during.Count} updates during the failure against {before.Count} before");

        // Bounded: a tight loop would make hundreds per printer; backoff to a 10 s cap makes about 10 in these 30 s (jitter: up to 15 seen).
        Assert.All(attempts, a => Assert.InRange(a.Length, 1, 25));

        // Spread: without jitter every printer would retry at the same instants.
        Assert.True(spread >= 1.0, $"5th attempts within {spread:0.00} s of each other: no jitter");
    }

    private static string Id(int index) => $"mk4-{index:00}";

    private static string? LastAvailability(TimedCapture capture, int index)
    {
        var topic = Topics.Availability(Id(index));
        var last = capture.Messages.LastOrDefault(m => m.Topic == topic);
        return last.Payload is null ? null : System.Text.Encoding.UTF8.GetString(last.Payload);
    }

    /// <summary>Seconds between successive progress updates of each healthy printer inside the window.</summary>
    private static List<double> Intervals(TimedCapture capture, TimeSpan from, TimeSpan to)
    {
        var result = new List<double>();
        for (var i = 0; i < FleetSize - Failing; i++)
        {
            var topic = Topics.Progress(Id(i));
            var times = capture.Messages.Where(m => m.Topic == topic && m.At >= from && m.At <= to).Select(m => m.At.TotalSeconds).ToArray();
            result.AddRange(times.Zip(times.Skip(1), (a, b) => b - a));
        }

        return result;
    }

    private static double Median(List<double> values) => values.Count == 0 ? double.NaN : values.Order().ElementAt(values.Count / 2);

    private static double P95(List<double> values) => values.Count == 0 ? double.NaN : values.Order().ElementAt((int)(values.Count * 0.95));
}
