using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Printernizer.Bridge.Hosting;
using Printernizer.Bridge.Printers;
using Printernizer.Bridge.Publishing;
using Printernizer.Bridge.Publishing.Mqtt;
using Printernizer.Bridge.Publishing.Payloads;

namespace Printernizer.Bridge.Observability;

/// <summary>
/// Answers <c>bridge/request/restart_printer</c>: cancels one printer's connection loop, waits
/// until the supervisor started it again, and answers once on <c>bridge/response/restart_printer</c>
/// (and on the MQTT 5 response topic when one was given).
/// </summary>
internal sealed partial class RestartPrinterHandler : IHostedService
{
    public const string RequestName = "restart_printer";
    private static readonly TimeSpan RestartTimeout = TimeSpan.FromSeconds(30);

    private readonly TopicLayout _topics;
    private readonly IBrokerConnection _broker;
    private readonly PrinterFleet _fleet;
    private readonly PrinterRunControl _runs;
    private readonly TimeProvider _time;
    private readonly ILogger<RestartPrinterHandler> _logger;
    private readonly CancellationTokenSource _stopping = new();

    public RestartPrinterHandler(
        TopicLayout topics, IBrokerConnection broker, PrinterFleet fleet, PrinterRunControl runs, TimeProvider time, ILogger<RestartPrinterHandler> logger)
    {
        _topics = topics;
        _broker = broker;
        _fleet = fleet;
        _runs = runs;
        _time = time;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _broker.Subscribe(_topics.BridgeRequest(RequestName), OnRequestAsync);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await _stopping.CancelAsync().ConfigureAwait(false);

    private ValueTask OnRequestAsync(IncomingMessage message)
    {
        // An empty payload clears a retained request; a retained request is never acted on.
        if (message.Payload.Length == 0 || message.Retain)
        {
            return ValueTask.CompletedTask;
        }

        var request = RestartRequest.Parse(message.Payload);
        if (request.PrinterId is not { } printerId)
        {
            Answer(message, request, request.Error);
        }
        else if (!_fleet.TryGet(printerId, out _))
        {
            Answer(message, request, $"unknown printer '{printerId}'");
        }
        else
        {
            _ = Task.Run(() => RestartAsync(message, request, printerId), CancellationToken.None);
        }

        return ValueTask.CompletedTask;
    }

    private async Task RestartAsync(IncomingMessage message, RestartRequest request, string printerId)
    {
        LogRestarting(printerId);
        bool restarted;
        try
        {
            restarted = await _runs.RestartAsync(printerId, RestartTimeout, _time, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            restarted = false;
        }

        Answer(message, request, restarted ? null : $"printer '{printerId}' did not restart (the bridge is stopping or the loop is not running)");
    }

    private void Answer(IncomingMessage message, RestartRequest request, string? error)
    {
        var payload = JsonPayload.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("request", RequestName);
            w.Text("printer", request.PrinterId);
            w.WriteString("status", error is null ? "ok" : "error");
            w.Text("error", error);
            w.Text("transaction", request.Transaction);
            w.WriteEndObject();
        });
        _broker.Reply(_topics.BridgeResponse(RequestName), payload, message.ResponseTopic, message.CorrelationData);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Printer {PrinterId}: restart requested over MQTT")]
    private partial void LogRestarting(string printerId);
}
