using System.Diagnostics;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.FaultTests.Infrastructure;
using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Simulators.Bambu;
using Printernizer.Simulators.Prusa;
using Serilog.Events;

namespace Printernizer.Bridge.FaultTests;

/// <summary>Scenario 5: the configured access code or password is wrong.</summary>
public sealed class AuthFailureTests : IAsyncLifetime
{
    private const string Id = "locked-out";
    private const string WrongSecret = "wrong-secret-7391";
    private static readonly TimeSpan AuthRetry = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(14);

    private readonly ITestOutputHelper _output;
    private readonly string _stateDir = Directory.CreateTempSubdirectory("printernizer-fault-").FullName;
    private TestBroker _broker = null!;
    private MqttCapture _capture = null!;

    public AuthFailureTests(ITestOutputHelper output)
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
    [InlineData("bambu")]
    [InlineData("prusa")]
    public async Task WrongSecret_OneLogLineErrorInStateSlowRetriesThenFixedSecretClearsIt(string type)
    {
        await using var bambu = type == "bambu" ? await BambuSimulator.StartAsync(SimulatedPrinters.BambuOptions(5)) : null;
        await using var prusa = type == "prusa" ? await PrusaLinkSimulator.StartAsync(SimulatedPrinters.PrusaOptions(5)) : null;
        var rightSecret = bambu?.AccessCode ?? prusa!.Options.Password;
        PrinterDefinition Definition(string secret) => bambu is not null
            ? SimulatedPrinters.Bambu(Id, bambu, accessCode: secret, authRetry: AuthRetry)
            : SimulatedPrinters.Prusa(Id, prusa!, password: secret, authRetry: AuthRetry);
        int Attempts() => bambu?.ConnectionAttempts ?? prusa!.RequestLog.Count(r => r.HadAuthorization);

        await using (var wrong = await FaultBridge.StartAsync(FaultBridge.CreateConfig(_broker, _stateDir, [Definition(WrongSecret)]), _output))
        {
            var state = await _capture.WaitForAsync(m => m.Topic == Topics.State(Id) && m.Text.Contains("auth_failed", StringComparison.Ordinal), "state.error auth_failed");
            var watch = Stopwatch.StartNew();
            var first = Attempts();
            await Task.Delay(Window);
            var attempts = Attempts() - first;
            await wrong.StopAsync();

            var errorText = state.Json.GetProperty("error").GetProperty("text").GetString();
            var lines = wrong.Logs.Events.Where(e => e.Level >= LogEventLevel.Error).Select(e => e.RenderMessage()).ToArray();
            _output.WriteLine($"{type}: state.error = {state.Json.GetProperty("error")}");
            _output.WriteLine($"{type}: {attempts} further attempts in {watch.Elapsed.TotalSeconds:0} s with auth_retry {AuthRetry.TotalSeconds:0} s; error log lines: {lines.Length}");
            foreach (var line in lines)
            {
                _output.WriteLine("  " + line);
            }

            var line1 = Assert.Single(lines);
            Assert.Contains(Id, line1);
            Assert.Matches("refused|authentication", line1);
            Assert.False(string.IsNullOrWhiteSpace(errorText));
            Assert.Equal("offline", _capture.Last(Topics.Availability(Id))!.Text);

            // No more often than configured (one attempt may be in flight at either end of the window).
            var allowed = (int)(watch.Elapsed / AuthRetry) + 1;
            Assert.InRange(attempts, 1, allowed);
            SecretScan.AssertClean([rightSecret, WrongSecret], wrong.Logs.Lines, _capture.Messages);
        }

        var fixedAt = _capture.Messages.Count;
        await using var right = await FaultBridge.StartAsync(FaultBridge.CreateConfig(_broker, _stateDir, [Definition(rightSecret)]), _output);
        await _capture.WaitForAsync(
            m => m.Topic == Topics.State(Id) && _capture.Messages.Skip(fixedAt).Contains(m) && m.Json.GetProperty("error").ValueKind == System.Text.Json.JsonValueKind.Null,
            "state without the error after the fix");
        await _capture.WaitForAsync(m => m.Topic == Topics.Availability(Id) && m.Text == "online" && _capture.Messages.Skip(fixedAt).Contains(m), "online after the fix");
        await right.StopAsync();
        SecretScan.AssertClean([rightSecret, WrongSecret], right.Logs.Lines, _capture.Messages);
    }
}
