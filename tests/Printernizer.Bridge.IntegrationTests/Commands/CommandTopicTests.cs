using System.Text;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.IntegrationTests.Infrastructure;

namespace Printernizer.Bridge.IntegrationTests.Commands;

public sealed class CommandTopicTests : IAsyncLifetime
{
    private const string Result = "printernizer/x1c/command/result";
    private readonly string _stateDir = Directory.CreateTempSubdirectory("printernizer-state-").FullName;
    private TestBroker _broker = null!;
    private MqttCapture _capture = null!;

    public async Task InitializeAsync()
    {
        _broker = await TestBroker.StartAsync();
        _capture = await MqttCapture.ConnectAsync(_broker);
    }

    public async Task DisposeAsync()
    {
        await _capture.DisposeAsync();
        await _broker.DisposeAsync();
        Directory.Delete(_stateDir, recursive: true);
    }

    [Theory]
    [InlineData("cancel", "Cancel")]
    [InlineData("pause", "Pause")]
    [InlineData(" resume\n", "Resume")]
    public async Task Command_PlainWord_ReachesAdapterAndAnswersOk(string payload, string expected)
    {
        await using var bridge = await StartOnlineAsync();

        await _capture.PublishAsync("printernizer/x1c/command", payload);

        var result = await _capture.WaitForAsync(m => m.Topic == Result, "command result");
        Assert.False(result.Retain);
        Assert.Equal("ok", result.Json.GetProperty("status").GetString());
        Assert.Equal(payload.Trim(), result.Json.GetProperty("command").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.Json.GetProperty("error").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.Json.GetProperty("transaction").ValueKind);
        Assert.Equal([Enum.Parse<PrinterCommand>(expected)], bridge.Printers["x1c"].Commands);
    }

    [Fact]
    public async Task Command_JsonWithTransaction_EchoesTransaction()
    {
        await using var bridge = await StartOnlineAsync();

        await _capture.PublishAsync("printernizer/x1c/command", """{"command": "pause", "transaction": "t-1"}""");

        var result = await _capture.WaitForAsync(m => m.Topic == Result, "command result");
        Assert.Equal("ok", result.Json.GetProperty("status").GetString());
        Assert.Equal("t-1", result.Json.GetProperty("transaction").GetString());
    }

    [Fact]
    public async Task Command_DuplicateTransaction_ExecutedOnceAndSecondAnsweredWithError()
    {
        await using var bridge = await StartOnlineAsync();

        await _capture.PublishAsync("printernizer/x1c/command", """{"command": "cancel", "transaction": "same"}""");
        await _capture.WaitForAsync(m => m.Topic == Result, "first result");
        await _capture.PublishAsync("printernizer/x1c/command", """{"command": "cancel", "transaction": "same"}""");
        var second = await _capture.WaitForAsync(m => m.Topic == Result && m.Text.Contains("\"status\":\"error\""), "second result");

        Assert.Contains("duplicate transaction", second.Json.GetProperty("error").GetString());
        Assert.Single(bridge.Printers["x1c"].Commands);
    }

    [Fact]
    public async Task Command_Retained_IgnoredAnsweredWithErrorAndCleared()
    {
        await using var bridge = await StartOnlineAsync();

        await _capture.PublishAsync("printernizer/x1c/command", "cancel", retain: true);

        var result = await _capture.WaitForAsync(m => m.Topic == Result, "command result");
        Assert.Equal("error", result.Json.GetProperty("status").GetString());
        Assert.Contains("retained", result.Json.GetProperty("error").GetString());
        await _capture.WaitForAsync(m => m.Topic == "printernizer/x1c/command" && m.Payload.Length == 0, "retained command cleared");
        Assert.Empty(bridge.Printers["x1c"].Commands);
    }

    [Fact]
    public async Task Command_RetainedBeforeBridgeStarts_NeverExecuted()
    {
        await _capture.PublishAsync("printernizer/x1c/command", "cancel", retain: true);
        await using var bridge = await StartOnlineAsync();

        var result = await _capture.WaitForAsync(m => m.Topic == Result, "command result");
        Assert.Equal("error", result.Json.GetProperty("status").GetString());
        Assert.Empty(bridge.Printers["x1c"].Commands);
    }

    [Theory]
    [InlineData("printernizer/nope/command", "cancel", "unknown printer 'nope'")]
    [InlineData("printernizer/x1c/command", "explode", "unknown command 'explode'")]
    [InlineData("printernizer/x1c/command", "{not json", "invalid JSON")]
    [InlineData("printernizer/x1c/command", """{"transaction": "t"}""", "missing \"command\"")]
    public async Task Command_Invalid_AnsweredWithClearError(string topic, string payload, string expectedError)
    {
        await using var bridge = await StartOnlineAsync();

        await _capture.PublishAsync(topic, payload);

        var result = await _capture.WaitForAsync(m => m.Topic == topic + "/result", "command result");
        Assert.Equal("error", result.Json.GetProperty("status").GetString());
        Assert.Contains(expectedError, result.Json.GetProperty("error").GetString());
        Assert.Empty(bridge.Printers["x1c"].Commands);
    }

    [Fact]
    public async Task Command_ReadOnlyBridge_AnsweredWithErrorAndStateSaysReadOnly()
    {
        await using var bridge = await StartOnlineAsync(control: false);

        await _capture.PublishAsync("printernizer/x1c/command", "cancel");

        var result = await _capture.WaitForAsync(m => m.Topic == Result, "command result");
        Assert.Contains("read-only", result.Json.GetProperty("error").GetString());
        var state = await _capture.WaitForAsync(m => m.Topic == "printernizer/x1c/state", "state");
        Assert.Equal("read_only", state.Json.GetProperty("control").GetString());
        Assert.Empty(bridge.Printers["x1c"].Commands);
    }

    [Fact]
    public async Task Command_AdapterReportsFailure_ErrorTextPassedOn()
    {
        await using var bridge = await StartOnlineAsync();
        bridge.Printers["x1c"].OnCommand = (_, _) => Task.FromResult(CommandResult.Failure("printer answered: nothing to pause"));

        await _capture.PublishAsync("printernizer/x1c/command", "pause");

        var result = await _capture.WaitForAsync(m => m.Topic == Result, "command result");
        Assert.Equal("printer answered: nothing to pause", result.Json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Command_AdapterThrows_AnsweredWithErrorAndBridgeKeepsWorking()
    {
        await using var bridge = await StartOnlineAsync();
        bridge.Printers["x1c"].OnCommand = (_, _) => throw new InvalidOperationException("boom");

        await _capture.PublishAsync("printernizer/x1c/command", "cancel");
        var first = await _capture.WaitForAsync(m => m.Topic == Result, "command result");
        bridge.Printers["x1c"].OnCommand = (_, _) => Task.FromResult(CommandResult.Success);
        await _capture.PublishAsync("printernizer/x1c/command", """{"command":"cancel","transaction":"after"}""");
        var second = await _capture.WaitForAsync(m => m.Topic == Result && m.Text.Contains("after"), "second result");

        Assert.Contains("boom", first.Json.GetProperty("error").GetString());
        Assert.Equal("ok", second.Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Command_PrinterOffline_AnsweredWithErrorWithoutCallingAdapter()
    {
        await using var bridge = await StartOnlineAsync();
        await bridge.Printers["x1c"].ReportAsync(FakePrinterAdapter.Printing() with { Online = false });
        await _capture.WaitForAsync("printernizer/x1c/availability", "offline");

        await _capture.PublishAsync("printernizer/x1c/command", "cancel");

        var result = await _capture.WaitForAsync(m => m.Topic == Result, "command result");
        Assert.Contains("offline", result.Json.GetProperty("error").GetString());
        Assert.Empty(bridge.Printers["x1c"].Commands);
    }

    [Fact]
    public async Task Command_WithResponseTopic_AnswerAlsoOnResponseTopicWithCorrelationData()
    {
        await using var bridge = await StartOnlineAsync();
        var correlation = Encoding.UTF8.GetBytes("corr-7");

        await _capture.PublishAsync("printernizer/x1c/command", "cancel", responseTopic: "nodered/replies/1", correlationData: correlation);

        var reply = await _capture.WaitForAsync(m => m.Topic == "nodered/replies/1", "response");
        Assert.Equal("ok", reply.Json.GetProperty("status").GetString());
        Assert.Equal(correlation, reply.CorrelationData);
        await _capture.WaitForAsync(m => m.Topic == Result, "result topic too");
    }

    private async Task<BridgeTestHost> StartOnlineAsync(bool control = true)
    {
        var bridge = await BridgeTestHost.StartAsync(BridgeTestHost.CreateConfig(_broker, _stateDir, control, "x1c"));
        await bridge.Printers["x1c"].ReportAsync(FakePrinterAdapter.Printing());
        await _capture.WaitForAsync("printernizer/x1c/availability", "online");

        // The command subscription is made after connect; a command sent before it would be missed.
        await _capture.WaitForAsync(m => m.Topic == "printernizer/bridge/info", "bridge info");
        return bridge;
    }
}
