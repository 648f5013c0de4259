using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Printernizer.Simulators.Bambu;

/// <summary>The broker callbacks and the report tick of <see cref="BambuSimulator"/>.</summary>
internal sealed partial class BambuSimulator
{
    private string ReportTopic => $"device/{_options.Serial}/report";

    private string RequestTopic => $"device/{_options.Serial}/request";

    private Task OnConnecting(ValidatingConnectionEventArgs e)
    {
        Interlocked.Increment(ref _connectionAttempts);
        if (_fault == BambuSimulatorFault.WrongCredentials || e.UserName != "bblp" || e.Password != _options.AccessCode)
        {
            e.ReasonCode = MqttConnectReasonCode.NotAuthorized;
        }

        return Task.CompletedTask;
    }

    /// <summary>P1 firmware drops a client that subscribes to the request topic; so does the simulator.</summary>
    private Task OnSubscribing(InterceptingSubscriptionEventArgs e)
    {
        if (e.TopicFilter.Topic != ReportTopic)
        {
            e.ProcessSubscription = false;
            e.CloseConnection = e.TopicFilter.Topic == RequestTopic;
        }

        return Task.CompletedTask;
    }

    private async Task OnPublishAsync(InterceptingPublishEventArgs e)
    {
        if (e.ApplicationMessage.Topic != RequestTopic)
        {
            return;
        }

        JsonObject? request;
        try
        {
            request = JsonNode.Parse(e.ApplicationMessage.Payload.ToArray()) as JsonObject;
        }
        catch (JsonException)
        {
            return;
        }

        if (request?["print"] is JsonObject)
        {
            Interlocked.Increment(ref _printRequests);
        }

        if (_fault == BambuSimulatorFault.Silent)
        {
            return;
        }

        List<string> replies;
        try
        {
            replies = Answer(request);
        }
        catch (InvalidOperationException)
        {
            // A request of the wrong shape (e.g. a number where a string belongs): a printer ignores it.
            return;
        }

        foreach (var reply in replies)
        {
            await PublishAsync(System.Text.Encoding.UTF8.GetBytes(reply)).ConfigureAwait(false);
        }
    }

    private List<string> Answer(JsonObject? request)
    {
        var replies = new List<string>();
        lock (_gate)
        {
            if (request?["pushing"]?["command"]?.GetValue<string>() is "pushall" or "start")
            {
                Interlocked.Increment(ref _pushallRequests);
                replies.Add(_reports.Full(_printer));
            }
            else if (request?["info"]?["command"]?.GetValue<string>() == "get_version")
            {
                Interlocked.Increment(ref _versionRequests);
                replies.Add(_reports.Version());
            }
            else if (request?["print"] is JsonObject print && print["command"]?.GetValue<string>() is "stop" or "pause" or "resume")
            {
                var command = print["command"]!.GetValue<string>();
                var sequenceId = print["sequence_id"]?.GetValue<string>() ?? "0";
                var accepted = !_printer.Locked && command switch
                {
                    "stop" => _printer.Stop(),
                    "pause" => _printer.Pause(_options.Time.GetUtcNow()),
                    _ => _printer.Resume(_options.Time.GetUtcNow()),
                };
                replies.Add(BambuSimReportBuilder.Echo(sequenceId, command, accepted, _printer.Locked));
                replies.Add(_reports.SendsDeltas ? _reports.Delta(_printer) : _reports.Full(_printer));
            }
        }

        return replies;
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.Tick, _options.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await TickOnceAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    private async Task TickOnceAsync()
    {
        var fault = _fault;
        string report;
        lock (_gate)
        {
            _printer.Advance(_options.Time.GetUtcNow());
            report = _reports.SendsDeltas ? _reports.Delta(_printer) : _reports.Full(_printer);
        }

        switch (fault)
        {
            case BambuSimulatorFault.Silent:
                return;
            case BambuSimulatorFault.Disconnect:
                await DropClientsAsync().ConfigureAwait(false);
                return;
            case BambuSimulatorFault.Malformed:
                await PublishAsync(BambuHostilePayloads.Create(_hostileKind++)).ConfigureAwait(false);
                break;
        }

        await PublishAsync(System.Text.Encoding.UTF8.GetBytes(report)).ConfigureAwait(false);
        Interlocked.Increment(ref _reportsSent);
    }

    private async Task PublishAsync(byte[] payload)
    {
        if (_server is not { } server)
        {
            return;
        }

        var message = new MqttApplicationMessageBuilder()
            .WithTopic(ReportTopic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce)
            .Build();
        await server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = _options.Serial })
            .ConfigureAwait(false);
    }
}
