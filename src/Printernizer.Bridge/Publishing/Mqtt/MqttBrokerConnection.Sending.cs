using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace Printernizer.Bridge.Publishing.Mqtt;

/// <summary>The send loop and the log messages of <see cref="MqttBrokerConnection"/>.</summary>
internal sealed partial class MqttBrokerConnection
{
    private const int MaxFailuresWhileConnected = 3;

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await SendAsync(message, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    _metrics?.Dequeued();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Retries a message across reconnects; drops it only after repeated failures on a live connection.</summary>
    private async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var application = ToApplicationMessage(message);
        var failures = 0;
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
