using System.Diagnostics;
using Printernizer.Bridge.FaultTests.Infrastructure;
using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Simulators.Bambu;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.FaultTests;

/// <summary>Scenario 6 and the command circuit breaker: commands while the printer fails.</summary>
public sealed class CommandFaultTests : IAsyncLifetime
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(3);

    private readonly ITestOutputHelper _output;
    private readonly string _stateDir = Directory.CreateTempSubdirectory("printernizer-fault-").FullName;
    private TestBroker _broker = null!;
    private BambuSimulator _bambu = null!;
    private PrusaLinkSimulator _prusa = null!;
    private FaultBridge _bridge = null!;
    private MqttCapture _capture = null!;

    public CommandFaultTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public async Task InitializeAsync()
    {
        _broker = await TestBroker.StartAsync();
        _bambu = await BambuSimulator.StartAsync(SimulatedPrinters.BambuOptions(6));
        _prusa = await PrusaLinkSimulator.StartAsync(SimulatedPrinters.PrusaOptions(6));
        _bambu.StartJob("command-faults");
        _prusa.StartJob();
        _capture = await MqttCapture.ConnectAsync(_broker, "printernizer/#");
        _bridge = await FaultBridge.StartAsync(
            FaultBridge.CreateConfig(_broker, _stateDir, [
                SimulatedPrinters.Bambu("x1c", _bambu, watchdog: TimeSpan.FromSeconds(60), commandTimeout: CommandTimeout),
                SimulatedPrinters.Prusa("mk4", _prusa),
            ]),
            _output);
        await _capture.WaitForAsync(m => m.Topic == Topics.Job("x1c"), "x1c job");
        await _capture.WaitForAsync(m => m.Topic == Topics.Job("mk4"), "mk4 job");
    }

    public async Task DisposeAsync()
    {
        await _bridge.DisposeAsync();
        SecretScan.AssertClean([_bambu.AccessCode, _prusa.Options.Password], _bridge.Logs.Lines, _capture.Messages);
        await _capture.DisposeAsync();
        await _bambu.DisposeAsync();
        await _prusa.DisposeAsync();
        await _broker.DisposeAsync();
        Directory.Delete(_stateDir, recursive: true);
    }

    [Fact]
    public async Task BambuStopsAnsweringBeforeTheEcho_ErrorWithinTimeoutSentOnceThenBreakerAnswersAtOnce()
    {
        _bambu.SetFault(BambuSimulatorFault.Silent);
        var sentBefore = _bambu.PrintRequests;

        var (first, firstTime) = await SendAsync("x1c", "pause", "t-silent-1");
        var (second, secondTime) = await SendAsync("x1c", "pause", "t-silent-2");
        var (third, thirdTime) = await SendAsync("x1c", "cancel", "t-silent-3");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var sent = _bambu.PrintRequests - sentBefore;

        _output.WriteLine($"unanswered: {firstTime.TotalSeconds:0.00} s and {secondTime.TotalSeconds:0.00} s (timeout {CommandTimeout.TotalSeconds:0} s); then refused by the breaker after {thirdTime.TotalSeconds:0.00} s");
        _output.WriteLine($"third answer: {third.Json.GetProperty("error").GetString()}");
        Assert.Contains("did not answer 'pause' within 3 s", first.Json.GetProperty("error").GetString());
        Assert.Contains("did not answer", second.Json.GetProperty("error").GetString());
        Assert.Contains("did not answer its last 2 commands; not sent", third.Json.GetProperty("error").GetString());
        Assert.Equal("t-silent-3", third.Json.GetProperty("transaction").GetString());

        // Two commands reached the printer, each exactly once: no retry could cancel twice, and the third never went out.
        Assert.Equal(2, sent);
        Assert.True(firstTime < CommandTimeout + TimeSpan.FromSeconds(10), $"first error after {firstTime.TotalSeconds:0.0} s");
        Assert.True(thirdTime < CommandTimeout, $"the open breaker took {thirdTime.TotalSeconds:0.0} s");
    }

    [Theory]
    [InlineData("cancel", "DELETE")]
    [InlineData("pause", "PUT")]
    public async Task PrusaDropsTheConnectionOnACommand_ErrorResultAndTheRequestSentOnce(string command, string method)
    {
        _prusa.ClearRequestLog();
        _prusa.SetFault(PrusaFault.Drop);

        var (result, took) = await SendAsync("mk4", command, "t-drop");
        await Task.Delay(TimeSpan.FromSeconds(2));
        _prusa.SetFault(PrusaFault.None);

        var sent = _prusa.RequestLog.Count(r => r.Method == method);
        _output.WriteLine($"answer after {took.TotalSeconds:0.00} s: {result.Json.GetProperty("error").GetString()}; {method} requests seen by the printer: {sent}");
        Assert.Equal("error", result.Json.GetProperty("status").GetString());
        Assert.Equal(1, sent);
        Assert.Equal("PRINTING", _prusa.Snapshot.State);
    }

    [Fact]
    public async Task RetainedCommandAndDuplicateTransaction_NeitherExecuted()
    {
        var sentBefore = _bambu.PrintRequests;
        await _capture.PublishAsync(Topics.Command("x1c"), "cancel", retain: true);
        var retained = await _capture.WaitForAsync(m => m.Topic == Topics.Result("x1c"), "answer to the retained cancel");
        Assert.Contains("retained command ignored", retained.Json.GetProperty("error").GetString());

        var (first, _) = await SendAsync("x1c", "pause", "t-dup");
        var (again, _) = await SendAsync("x1c", "pause", "t-dup");
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal("ok", first.Json.GetProperty("status").GetString());
        Assert.Contains("duplicate transaction 't-dup' ignored", again.Json.GetProperty("error").GetString());
        Assert.Equal(1, _bambu.PrintRequests - sentBefore);
        Assert.NotEqual("FAILED", _bambu.GcodeState);

        // The retained cancel was cleared: a late subscriber does not receive it.
        await using var late = await MqttCapture.ConnectAsync(_broker, Topics.Command("x1c"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(late.Messages, m => m.Payload.Length > 0);
    }

    private async Task<(CapturedMessage Result, TimeSpan Took)> SendAsync(string id, string command, string transaction)
    {
        var before = _capture.On(Topics.Result(id)).Count;
        var watch = Stopwatch.StartNew();
        await _capture.PublishAsync(Topics.Command(id), $$"""{"command":"{{command}}","transaction":"{{transaction}}"}""");
        CapturedMessage? result = null;
        await Eventually.WaitAsync(
            () => (result = _capture.On(Topics.Result(id)).Skip(before).FirstOrDefault(m => m.Text.Contains($"\"{transaction}\"", StringComparison.Ordinal))) is not null,
            $"result for {transaction}",
            TimeSpan.FromSeconds(60));
        return (result!, watch.Elapsed);
    }
}
