using System.Diagnostics;
using Printernizer.Bridge.FaultTests.Infrastructure;
using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Simulators.Bambu;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.FaultTests;

/// <summary>Scenario 3: a printer is switched off, or its network drops, in the middle of a print.</summary>
public sealed class PrinterDropTests : IAsyncLifetime
{
    private const string Id = "p1";
    private static readonly string[] ValueTopics = [Topics.State(Id), Topics.Progress(Id), Topics.Job(Id), $"printernizer/{Id}/temperature", $"printernizer/{Id}/filament"];

    private readonly ITestOutputHelper _output;
    private readonly string _stateDir = Directory.CreateTempSubdirectory("printernizer-fault-").FullName;
    private TestBroker _broker = null!;
    private MqttCapture _capture = null!;

    public PrinterDropTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public async Task InitializeAsync()
    {
        _broker = await TestBroker.StartAsync();
        _capture = await MqttCapture.ConnectAsync(_broker, "printernizer/#");
    }

    public async Task DisposeAsync()
    {
        await _capture.DisposeAsync();
        await _broker.DisposeAsync();
        Directory.Delete(_stateDir, recursive: true);
    }

    [Theory]
    [InlineData("bambu", "power")]
    [InlineData("bambu", "network")]
    [InlineData("prusa", "power")]
    [InlineData("prusa", "network")]
    public async Task PrinterGoneMidPrint_OfflineKeepsValuesThenOnlineWithFreshStateAndOneEventEach(string type, string fault)
    {
        await using var bambu = type == "bambu" ? await BambuSimulator.StartAsync(SimulatedPrinters.BambuOptions(3)) : null;
        await using var prusa = type == "prusa" ? await PrusaLinkSimulator.StartAsync(SimulatedPrinters.PrusaOptions(3)) : null;
        await using var proxy = new TcpProxy(bambu?.Port ?? prusa!.Port);
        var port = fault == "network" ? proxy.Port : (int?)null;
        var watchdog = TimeSpan.FromSeconds(8);
        var definition = bambu is not null ? SimulatedPrinters.Bambu(Id, bambu, port, watchdog: watchdog) : SimulatedPrinters.Prusa(Id, prusa!, port);
        bambu?.StartJob("drop-test");
        prusa?.StartJob();
        string[] secrets = [bambu?.AccessCode ?? prusa!.Options.Password];

        await using (var bridge = await FaultBridge.StartAsync(FaultBridge.CreateConfig(_broker, _stateDir, [definition]), _output))
        {
            await _capture.WaitForAsync(Topics.Availability(Id), "online");
            await _capture.WaitForAsync(m => m.Topic == Topics.Event(Id) && m.Text.Contains("\"job_started\"", StringComparison.Ordinal), "job_started");
            await Task.Delay(TimeSpan.FromSeconds(2));
            var progressBefore = _capture.Last(Topics.Progress(Id))!.Text;
            var temperatureBefore = _capture.Last(Topics.Temperature(Id))?.Text;
            var cut = Stopwatch.StartNew();
            var countBefore = _capture.Messages.Count;

            await CutAsync(bambu, prusa, proxy, fault);
            await _capture.WaitForAsync(m => m.Topic == Topics.Availability(Id) && m.Text == "offline", "offline", TimeSpan.FromSeconds(60));
            var toOffline = cut.Elapsed;
            var period = bambu is not null ? watchdog : TimeSpan.FromSeconds(1) + TimeSpan.FromSeconds(3);
            _output.WriteLine($"{type} {fault}: offline after {toOffline.TotalSeconds:0.00} s (bound: watchdog/poll period {period.TotalSeconds:0} s)");
            Assert.True(toOffline < period + TimeSpan.FromSeconds(10), $"offline only after {toOffline.TotalSeconds:0.0} s");

            await Task.Delay(TimeSpan.FromSeconds(4));
            var offlineAt = _capture.Messages.Count;
            var restored = Stopwatch.StartNew();
            await RestoreAsync(bambu, prusa, proxy, fault);
            var online = await _capture.WaitForAsync(
                m => m.Topic == Topics.Availability(Id) && m.Text == "online", "online again", TimeSpan.FromSeconds(60), after: offlineAt);
            _output.WriteLine($"{type} {fault}: online again {restored.Elapsed.TotalSeconds:0.00} s after the printer came back");

            // Fresh values arrive after the return.
            // Progress is steady while a Bambu printer prepares (no elapsed tick): heating temperatures are fresh too.
            await Eventually.WaitAsync(
                () => _capture.Messages.Skip(offlineAt).Any(m =>
                    (m.Topic == Topics.Progress(Id) && m.Text != progressBefore) || (m.Topic == Topics.Temperature(Id) && m.Text != temperatureBefore)),
                "fresh progress or temperature");
            await Task.Delay(TimeSpan.FromSeconds(3));
            // Read before the stop: a Bambu session ending at shutdown is an offline of its own.
            var events = _capture.On(Topics.Event(Id)).Select(m => m.Json.GetProperty("event_type").GetString()).ToArray();
            await bridge.StopAsync();
            SecretScan.AssertClean(secrets, bridge.Logs.Lines, _capture.Messages);

            // While offline only availability and events move: the last good values stay retained.
            var all = _capture.Messages;
            var offlineIndex = Enumerable.Range(countBefore, all.Count - countBefore).First(i => all[i].Topic == Topics.Availability(Id) && all[i].Text == "offline");
            var during = all.Skip(offlineIndex).Take(offlineAt - offlineIndex).Where(m => ValueTopics.Contains(m.Topic)).Select(m => $"{m.Topic} {m.Text}").ToArray();
            Assert.True(during.Length == 0, "published while offline:\n" + string.Join("\n", during));
            _output.WriteLine("events: " + string.Join(", ", events));
            Assert.Equal(1, events.Count(e => e == "job_started"));
            var afterStart = events.SkipWhile(e => e != "job_started").Skip(1).ToArray();
            Assert.Equal(["printer_offline", "printer_online"], afterStart.Where(e => e!.StartsWith("printer_", StringComparison.Ordinal)));
            Assert.DoesNotContain(afterStart, e => e!.StartsWith("job_", StringComparison.Ordinal));
        }
    }

    private static async Task CutAsync(BambuSimulator? bambu, PrusaLinkSimulator? prusa, TcpProxy proxy, string fault)
    {
        if (fault == "network")
        {
            proxy.Cut(refuseNew: true);
        }
        else if (bambu is not null)
        {
            await bambu.StopAsync();
        }
        else
        {
            await prusa!.StopAsync();
        }
    }

    private static async Task RestoreAsync(BambuSimulator? bambu, PrusaLinkSimulator? prusa, TcpProxy proxy, string fault)
    {
        if (fault == "network")
        {
            proxy.Restore();
        }
        else if (bambu is not null)
        {
            await bambu.RestartAsync();
        }
        else
        {
            await prusa!.RestartAsync();
        }
    }
}
