using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Observability;
using Printernizer.Bridge.Printers;
using Printernizer.Bridge.Publishing;
using Printernizer.Bridge.Publishing.Mqtt;
using Printernizer.Bridge.Publishing.Payloads;

namespace Printernizer.Bridge.Commands;

/// <summary>
/// Receives <c>&lt;base&gt;/&lt;id&gt;/command</c>, checks it, hands it to the printer's adapter
/// and answers every command exactly once on <c>command/result</c> (and on the MQTT 5
/// response topic when one was given).
/// </summary>
internal sealed partial class CommandRouter : IHostedService
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    private readonly BridgeConfig _config;
    private readonly TopicLayout _topics;
    private readonly IBrokerConnection _broker;
    private readonly PrinterFleet _fleet;
    private readonly ILogger<CommandRouter> _logger;
    private readonly ConcurrentDictionary<string, TransactionLog> _transactions = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly BridgeMetrics? _metrics;
    private readonly CommandCircuitBreaker _circuits;

    public CommandRouter(
        BridgeConfig config, TopicLayout topics, IBrokerConnection broker, PrinterFleet fleet, TimeProvider time, ILogger<CommandRouter> logger, BridgeMetrics? metrics = null)
    {
        _metrics = metrics;
        _circuits = new CommandCircuitBreaker(time);
        _config = config;
        _topics = topics;
        _broker = broker;
        _fleet = fleet;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _broker.Subscribe(_topics.AllCommands, OnCommandAsync);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Not disposed: commands still in flight read its token.
        await _stopping.CancelAsync().ConfigureAwait(false);
    }

    internal ValueTask OnCommandAsync(IncomingMessage message)
    {
        // An empty payload is how a retained command gets cleared: nothing to answer.
        if (message.Payload.Length == 0 || PrinterIdOf(message.Topic) is not { } printerId)
        {
            return ValueTask.CompletedTask;
        }

        var request = CommandParser.Parse(message.Payload);
        var reply = new Reply(printerId, request.Word, request.Transaction, message.ResponseTopic, message.CorrelationData);
        if (message.Retain)
        {
            LogRetainedIgnored(printerId);
            _broker.Enqueue(new OutgoingMessage(message.Topic, [], Retain: true));
            Answer(reply, CommandResult.Failure("retained command ignored: publish commands without the retain flag"));
        }
        else if (!_fleet.TryGet(printerId, out var printer))
        {
            Answer(reply, CommandResult.Failure($"unknown printer '{printerId}'"));
        }
        else if (request.Command is not { } command)
        {
            Answer(reply, CommandResult.Failure(request.Error ?? "invalid command"));
        }
        else if (!_config.Control)
        {
            Answer(reply, CommandResult.Failure("control is disabled (control: false in the configuration): the bridge is read-only"));
        }
        else if (request.Transaction is { } transaction && !_transactions.GetOrAdd(printerId, _ => new TransactionLog()).TryAdd(transaction))
        {
            Answer(reply, CommandResult.Failure($"duplicate transaction '{transaction}' ignored"));
        }
        else
        {
            _ = Task.Run(() => ExecuteAsync(printer, command, reply), CancellationToken.None);
        }

        return ValueTask.CompletedTask;
    }

    private async Task ExecuteAsync(PrinterHandle printer, PrinterCommand command, Reply reply)
    {
        CommandResult result;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            timeout.CancelAfter(CommandTimeout);
            await printer.CommandGate.WaitAsync(timeout.Token).ConfigureAwait(false);
            try
            {
                result = printer.Latest is { Online: true }
                    ? await _circuits.ExecuteAsync(printer.Id, ct => printer.Adapter.ExecuteAsync(command, ct), timeout.Token).ConfigureAwait(false)
                    : CommandResult.Failure($"printer '{printer.Id}' is offline");
            }
            finally
            {
                printer.CommandGate.Release();
            }
        }
        catch (OperationCanceledException)
        {
            result = CommandResult.Failure("the printer did not answer in time");
        }
        catch (Exception ex)
        {
            LogCommandFailed(ex, printer.Id, reply.Word);
            result = CommandResult.Failure($"command failed: {ex.Message}");
        }

        Answer(reply, result);
    }

    private void Answer(Reply reply, CommandResult result)
    {
        LogAnswer(reply.PrinterId, reply.Word, result.Ok ? "ok" : "error", result.Error);
        if (_fleet.TryGet(reply.PrinterId, out _))
        {
            _metrics?.Printer(reply.PrinterId).CommandAnswered(MetricLabel(reply.Word), result.Ok);
        }

        var payload = PayloadSerializer.CommandResult(reply.Word, result, reply.Transaction);
        _broker.Reply(_topics.CommandResult(reply.PrinterId), payload, reply.ResponseTopic, reply.CorrelationData);
    }

    /// <summary>A fixed set of label values, whatever senders write.</summary>
    private static string MetricLabel(string? word) => word switch
    {
        "cancel" or "stop" => "cancel",
        "pause" or "resume" => word,
        _ => "invalid",
    };

    private string? PrinterIdOf(string topic)
    {
        var prefix = _topics.BaseTopic + "/";
        const string suffix = "/command";
        if (!topic.StartsWith(prefix, StringComparison.Ordinal) || !topic.EndsWith(suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var id = topic[prefix.Length..^suffix.Length];
        return id.Length is > 0 and <= 64 && !id.Contains('/') ? id : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Printer {PrinterId}: ignored a retained command and cleared it from the broker")]
    private partial void LogRetainedIgnored(string printerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Printer {PrinterId}: command {Command} -> {Status} {Error}")]
    private partial void LogAnswer(string printerId, string? command, string status, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Printer {PrinterId}: command {Command} failed")]
    private partial void LogCommandFailed(Exception exception, string printerId, string? command);

    private sealed record Reply(string PrinterId, string? Word, string? Transaction, string? ResponseTopic, byte[]? CorrelationData);
}
