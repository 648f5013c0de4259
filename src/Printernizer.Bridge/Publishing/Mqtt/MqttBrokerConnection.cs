using System.Buffers;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;
using Polly;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Resilience;

namespace Printernizer.Bridge.Publishing.Mqtt;

/// <summary>
/// The one owner of the MQTTnet client for the local broker. A background loop connects,
/// reconnects with capped, jittered backoff and replays subscriptions; the disconnect
/// callback only raises a signal (reconnecting from inside it can deadlock MQTTnet).
/// A second loop sends the queue in order while connected.
/// </summary>
internal sealed partial class MqttBrokerConnection : BackgroundService, IBrokerConnection
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The local broker is retried at least this often, so the bridge is back within seconds of a
    /// broker restart (issue 6); an attempt against a local broker costs next to nothing.
    /// </summary>
    internal static readonly TimeSpan ReconnectCap = TimeSpan.FromSeconds(4);

    private readonly MqttSettings _settings;
    private readonly TopicLayout _topics;
    private readonly ILogger<MqttBrokerConnection> _logger;
    private readonly TimeProvider _time;
    private readonly IBrokerMetrics? _metrics;
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _options;
    private readonly ResiliencePipeline _reconnect;
    private readonly Channel<OutgoingMessage> _queue = Channel.CreateUnbounded<OutgoingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConnectionSignal _signal = new();
    private readonly SubscriptionTable _subscriptions = new();
    private readonly List<Func<CancellationToken, Task>> _onConnected = [];
    private readonly CancellationTokenSource _senderStop = new();
    private Task _sender = Task.CompletedTask;
    private int _receiveMaximum = 1;

    public MqttBrokerConnection(MqttSettings settings, TopicLayout topics, TimeProvider time, ILogger<MqttBrokerConnection> logger, IBrokerMetrics? metrics = null)
        : this(settings, topics, time, logger, TimeSpan.FromSeconds(1), ReconnectCap, metrics)
    {
    }

    internal MqttBrokerConnection(
        MqttSettings settings, TopicLayout topics, TimeProvider time, ILogger<MqttBrokerConnection> logger, TimeSpan firstDelay, TimeSpan maxDelay,
        IBrokerMetrics? metrics = null, IMqttClient? client = null)
    {
        _time = time;
        _metrics = metrics;
        _settings = settings;
        _topics = topics;
        _logger = logger;
        _client = client ?? new MqttClientFactory().CreateMqttClient();
        _options = MqttClientOptionsFactory.Create(settings, topics);
        _reconnect = ReconnectPipeline.Create(time, firstDelay, maxDelay, onRetry: (ex, attempt, delay) =>
        {
            // Retrying every few seconds must not flood the log during a long outage.
            if (attempt <= 3 || attempt % 100 == 0)
            {
                LogConnectFailed(_settings.Host, _settings.Port, attempt, delay.TotalSeconds, ex?.Message);
            }
        });
        _client.DisconnectedAsync += OnDisconnectedAsync;
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
    }

    public bool IsConnected => _signal.IsConnected;

    public void Enqueue(OutgoingMessage message)
    {
        if (_queue.Writer.TryWrite(message))
        {
            _metrics?.Queued();
        }
    }

    public void Subscribe(string topicFilter, Func<IncomingMessage, ValueTask> handler)
    {
        _subscriptions.Add(topicFilter, handler);
        if (_signal.IsConnected)
        {
            _ = SubscribeNowAsync([topicFilter], CancellationToken.None);
        }
    }

    public void OnConnected(Func<CancellationToken, Task> handler)
    {
        lock (_onConnected)
        {
            _onConnected.Add(handler);
        }
    }

    public async Task<IReadOnlyList<IncomingMessage>> CollectRetainedAsync(string topicFilter, TimeSpan window, CancellationToken cancellationToken)
    {
        using var collector = _subscriptions.StartCollecting(topicFilter);
        await SubscribeNowAsync([topicFilter], cancellationToken).ConfigureAwait(false);
        await Task.Delay(window, cancellationToken).ConfigureAwait(false);
        if (!_subscriptions.IsPermanent(topicFilter) && _client.IsConnected)
        {
            await _client.UnsubscribeAsync(topicFilter, cancellationToken).ConfigureAwait(false);
        }

        return collector.Messages.Where(m => m.Retain).ToArray();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Everything queued before the stop still goes out, then the retained "offline".
        _queue.Writer.TryComplete();
        await Task.WhenAny(_sender, Task.Delay(DrainTimeout, cancellationToken)).ConfigureAwait(false);
        await _senderStop.CancelAsync().ConfigureAwait(false);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_client.IsConnected)
        {
            try
            {
                await _client.PublishStringAsync(_topics.BridgeState, "offline", MqttQualityOfServiceLevel.AtLeastOnce, retain: true, cancellationToken).ConfigureAwait(false);
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogStopFailed(ex.Message);
            }
        }
    }

    public override void Dispose()
    {
        _client.Dispose();
        _senderStop.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _sender = Task.Run(() => SuperviseSendLoopAsync(_senderStop.Token), CancellationToken.None);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _reconnect.ExecuteAsync(ConnectOnceAsync, stoppingToken).ConfigureAwait(false);
                await _client.PublishStringAsync(_topics.BridgeState, "online", MqttQualityOfServiceLevel.AtLeastOnce, retain: true, stoppingToken).ConfigureAwait(false);
                var replayed = _subscriptions.PermanentFilters;
                await SubscribeNowAsync(replayed, stoppingToken).ConfigureAwait(false);
                LogConnected(_settings.Host, _settings.Port);
                _signal.SetConnected();
                _metrics?.ConnectionChanged(true);
                if (!_client.IsConnected)
                {
                    // Lost before SetConnected: MQTTnet's disconnect callback already ran and its signal was overwritten.
                    _signal.SetDisconnected();
                    _metrics?.ConnectionChanged(false);
                    continue;
                }

                // A subscription added while the replay ran saw "not connected" and was not sent.
                await SubscribeNowAsync(_subscriptions.PermanentFilters.Except(replayed).ToArray(), stoppingToken).ConfigureAwait(false);
                await RunOnConnectedHandlersAsync(stoppingToken).ConfigureAwait(false);
                await _signal.WaitDisconnectedAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Lost between connect and the first wait: start over with the backoff. A session
                // that failed on a live client (a subscribe timed out) is closed first, or every
                // ConnectAsync after it would throw "already connected".
                LogSessionFailed(ex.Message);
                _signal.SetDisconnected();
                await CloseQuietlyAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task CloseQuietlyAsync()
    {
        if (!_client.IsConnected)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(DrainTimeout);
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogStopFailed(ex.Message);
        }
    }

    private async ValueTask ConnectOnceAsync(CancellationToken cancellationToken)
    {
        var result = await _client.ConnectAsync(_options, cancellationToken).ConfigureAwait(false);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new BrokerRefusedException(result.ResultCode, result.ReasonString);
        }

        // The broker's MQTT 5 Receive Maximum bounds the publishes in flight (0: not sent, 65535).
        Volatile.Write(ref _receiveMaximum, result.ReceiveMaximum is { } maximum and > 0 ? maximum : ushort.MaxValue);
    }

    private async Task SubscribeNowAsync(IReadOnlyCollection<string> filters, CancellationToken cancellationToken)
    {
        if (filters.Count == 0)
        {
            return;
        }

        var builder = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in filters)
        {
            // Retain-as-published lets the command router see that a command was retained.
            builder.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce, noLocal: false, retainAsPublished: true, MqttRetainHandling.SendAtSubscribe);
        }

        await _client.SubscribeAsync(builder.Build(), cancellationToken).ConfigureAwait(false);
    }

    private async Task RunOnConnectedHandlersAsync(CancellationToken cancellationToken)
    {
        Func<CancellationToken, Task>[] handlers;
        lock (_onConnected)
        {
            handlers = [.. _onConnected];
        }

        foreach (var handler in handlers)
        {
            try
            {
                await handler(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogHandlerFailed(ex);
            }
        }
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs args)
    {
        if (args.ClientWasConnected)
        {
            LogDisconnected(args.Reason.ToString(), args.Exception?.Message);
        }

        _signal.SetDisconnected();
        _metrics?.ConnectionChanged(false);
        return Task.CompletedTask;
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        var message = args.ApplicationMessage;
        var incoming = new IncomingMessage(message.Topic, message.Payload.ToArray(), message.Retain, message.ResponseTopic, message.CorrelationData);
        foreach (var handler in _subscriptions.Match(incoming))
        {
            try
            {
                await handler(incoming).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                LogHandlerFailed(ex);
            }
        }
    }
}
