using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace Printernizer.Bridge.Publishing.Mqtt;

/// <summary>The send loop and the log messages of <see cref="MqttBrokerConnection"/>.</summary>
internal sealed partial class MqttBrokerConnection
{
    private const int MaxFailuresWhileConnected = 3;

    /// <summary>
    /// Publishes awaiting their PUBACK at once. One at a time, every message costs a broker round
    /// trip (on a busy 2-core box several scheduler hops), which capped a fleet at a few hundred
    /// messages per second. MQTTnet writes packets in call order, so topic order is kept.
    /// </summary>
    private const int MaxInFlight = 32;

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        var inFlight = new Queue<(OutgoingMessage Message, Task<MqttClientPublishResult> Publish, long Started)>(MaxInFlight);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (_queue.Reader.TryRead(out var message))
                {
                    _metrics?.Dequeued();
                    if (inFlight.Count >= Math.Min(MaxInFlight, Volatile.Read(ref _receiveMaximum)))
                    {
                        await CompleteOldestAsync(inFlight, cancellationToken).ConfigureAwait(false);
                    }

                    await _signal.WaitConnectedAsync(cancellationToken).ConfigureAwait(false);
                    inFlight.Enqueue((message, _client.PublishAsync(ToApplicationMessage(message), cancellationToken), _time.GetTimestamp()));
                }

                // Nothing queued: collect the acknowledgements, so a failure is retried now and a stop finds nothing pending.
                while (inFlight.Count > 0)
                {
                    await CompleteOldestAsync(inFlight, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task CompleteOldestAsync(Queue<(OutgoingMessage Message, Task<MqttClientPublishResult> Publish, long Started)> inFlight, CancellationToken cancellationToken)
    {
        var (message, publish, started) = inFlight.Dequeue();
        if (await TryCompleteAsync(message, publish, started, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        // A failed publish (usually a lost connection) dooms those sent after it: resend every
        // unacknowledged one in the original order through the retrying path.
        var retry = new List<OutgoingMessage> { message };
        while (inFlight.TryDequeue(out var next))
        {
            if (!await TryCompleteAsync(next.Message, next.Publish, next.Started, cancellationToken).ConfigureAwait(false))
            {
                retry.Add(next.Message);
            }
        }

        var failures = _client.IsConnected ? 1 : 0;
        if (failures == 0)
        {
            _signal.SetDisconnected();
        }

        foreach (var failed in retry)
        {
            await SendAsync(failed, failures, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>False when the publish threw; a broker's refusal is logged and counts as done, as before.</summary>
    private async Task<bool> TryCompleteAsync(OutgoingMessage message, Task<MqttClientPublishResult> publish, long started, CancellationToken cancellationToken)
    {
        try
        {
            var result = await publish.ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                _metrics?.Dropped();
                LogPublishRejected(message.Topic, result.ReasonCode.ToString());
            }
            else
            {
                _metrics?.Published(_time.GetElapsedTime(started));
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Retries a message across reconnects; drops it only after repeated failures on a live connection.</summary>
    private async Task SendAsync(OutgoingMessage message, int failures, CancellationToken cancellationToken)
    {
        var application = ToApplicationMessage(message);
        while (true)
        {
            await _signal.WaitConnectedAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var started = _time.GetTimestamp();
                var result = await _client.PublishAsync(application, cancellationToken).ConfigureAwait(false);
                if (!result.IsSuccess)
                {
                    _metrics?.Dropped();
                    LogPublishRejected(message.Topic, result.ReasonCode.ToString());
                }
                else
                {
                    _metrics?.Published(_time.GetElapsedTime(started));
                }

                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (!_client.IsConnected)
                {
                    _signal.SetDisconnected();
                    continue;
                }

                if (++failures >= MaxFailuresWhileConnected)
                {
                    _metrics?.Dropped();
                    LogPublishDropped(message.Topic, ex.Message);
                    return;
                }
            }
        }
    }

    private static MqttApplicationMessage ToApplicationMessage(OutgoingMessage message)
    {
        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(message.Topic)
            .WithPayload(message.Payload)
            .WithRetainFlag(message.Retain)
            .WithQualityOfServiceLevel(message.AtMostOnce ? MqttQualityOfServiceLevel.AtMostOnce : MqttQualityOfServiceLevel.AtLeastOnce);
        if (message.CorrelationData is { } correlation)
        {
            builder.WithCorrelationData(correlation);
        }

        return builder.Build();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to MQTT broker {Host}:{Port}")]
    private partial void LogConnected(string host, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot connect to MQTT broker {Host}:{Port} (attempt {Attempt}), retrying in {DelaySeconds:0.0} s: {Reason}")]
    private partial void LogConnectFailed(string host, int port, int attempt, double delaySeconds, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Disconnected from MQTT broker ({Reason}): {Detail}")]
    private partial void LogDisconnected(string reason, string? detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT session failed, reconnecting: {Reason}")]
    private partial void LogSessionFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker rejected a message on {Topic}: {ReasonCode}")]
    private partial void LogPublishRejected(string topic, string reasonCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dropped a message on {Topic} after repeated failures: {Reason}")]
    private partial void LogPublishDropped(string topic, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A message handler failed")]
    private partial void LogHandlerFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clean disconnect from the broker failed: {Reason}")]
    private partial void LogStopFailed(string reason);
}
