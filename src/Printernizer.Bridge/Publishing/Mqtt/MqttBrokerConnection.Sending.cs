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

    /// <summary>
    /// The send loop must outlive any bug in it: a dead loop silently stops all publishing while
    /// the connection still looks healthy. Messages it held in flight are lost and counted.
    /// </summary>
    private async Task SuperviseSendLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await SendLoopAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                _metrics?.Dropped();
                LogSendLoopFailed(ex);
            }
        }
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        var inFlight = new Queue<InFlightPublish>(MaxInFlight);
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
                    var session = _signal.CurrentSessionEnded;
                    inFlight.Enqueue(new InFlightPublish(message, StartPublish(ToApplicationMessage(message), cancellationToken), session, _time.GetTimestamp()));
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

    private async Task CompleteOldestAsync(Queue<InFlightPublish> inFlight, CancellationToken cancellationToken)
    {
        var oldest = inFlight.Dequeue();
        if (await TryCompleteAsync(oldest, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        // A failed publish (usually a lost connection) dooms those sent after it: resend every
        // unacknowledged one in the original order through the retrying path.
        var retry = new List<OutgoingMessage> { oldest.Message };
        while (inFlight.TryDequeue(out var next))
        {
            if (!await TryCompleteAsync(next, cancellationToken).ConfigureAwait(false))
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

    /// <summary>
    /// False when the publish threw or its connection ended before the acknowledgement came; a
    /// broker's refusal is logged and counts as done.
    /// </summary>
    private async Task<bool> TryCompleteAsync(InFlightPublish inFlight, CancellationToken cancellationToken)
    {
        var (message, publish, session, started) = inFlight;
        try
        {
            var result = await AcknowledgedAsync(publish, session, cancellationToken).ConfigureAwait(false);
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
            var session = _signal.CurrentSessionEnded;
            try
            {
                var started = _time.GetTimestamp();
                var result = await AcknowledgedAsync(StartPublish(application, cancellationToken), session, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// MQTTnet's PublishAsync is not async: "not connected" is thrown synchronously when the
    /// connection drops between our check and the call. Escaping the send loop, that exception
    /// ended the loop for good and nothing was published again until a restart.
    /// </summary>
    private Task<MqttClientPublishResult> StartPublish(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return _client.PublishAsync(message, cancellationToken);
        }
        catch (Exception ex)
        {
            return Task.FromException<MqttClientPublishResult>(ex);
        }
    }

    /// <summary>The publish's result, or a <see cref="SessionEndedException"/> once its connection is gone without one.</summary>
    private static async Task<MqttClientPublishResult> AcknowledgedAsync(Task<MqttClientPublishResult> publish, Task sessionEnded, CancellationToken cancellationToken)
    {
        if (!publish.IsCompleted)
        {
            await Task.WhenAny(publish, sessionEnded).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (!publish.IsCompleted)
            {
                // Abandoned: observe its eventual failure so it is not reported as unobserved.
                _ = publish.ContinueWith(static task => task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                throw new SessionEndedException();
            }
        }

        return await publish.ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "The MQTT send loop failed and was restarted")]
    private partial void LogSendLoopFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A message handler failed")]
    private partial void LogHandlerFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clean disconnect from the broker failed: {Reason}")]
    private partial void LogStopFailed(string reason);
}
