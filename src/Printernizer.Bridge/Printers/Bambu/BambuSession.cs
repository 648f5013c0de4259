using System.Buffers;
using System.Security.Authentication;
using System.Text;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using Printernizer.Bridge.Publishing.Mqtt;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// One MQTT 3.1.1 connection to the printer's broker, spoken over MQTTnet's channel adapter (its
/// TLS transport and packet codec) with our own receive loop and keep-alive. The loop only queues
/// what arrives; the connection loop reads the queue, so nothing reconnects or reports from here.
/// </summary>
/// <remarks>
/// Not <c>IMqttClient</c>: per connection it runs a 250 ms keep-alive poll (4,000 timer callbacks
/// a second at 1,000 printers) and hands every received PUBLISH to a second task before our own
/// queue. A printer session needs neither: it subscribes to one topic, publishes a few commands and
/// pings every three quarters of its keep-alive. What the printer sees is unchanged: the same
/// CONNECT (bblp, clean session, the configured keep-alive), SUBSCRIBE and QoS 1 publishes.
/// </remarks>
internal sealed class BambuSession : IAsyncDisposable
{
    // Synchronous continuations: a report is merged, normalized and handed to the publisher on the
    // thread that read it, instead of waking a second thread for every report.
    private readonly Channel<BambuInbound> _inbound = Channel.CreateUnbounded<BambuInbound>(new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = true });
    private readonly MqttClientOptions _options;
    private readonly IMqttChannelAdapter _adapter;
    private readonly BambuPacketAcks _acks = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly string _printerId;
    private readonly string _serial;
    private readonly BambuCertificateValidator _validator;
    private readonly TimeProvider _time;
    private ITimer? _keepAlive;
    private Task _receiving = Task.CompletedTask;
    private long _pingSentAt;
    private volatile string? _abortReason;
    private volatile bool _connected;

    public BambuSession(string printerId, string host, int port, BambuSettings settings, BambuCertificateValidator validator, TimeProvider time)
    {
        _printerId = printerId;
        _serial = settings.Serial;
        _validator = validator;
        _time = time;
        _options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId($"printernizer-{printerId}-{Environment.ProcessId}")
            .WithCredentials("bblp", settings.AccessCode)
            .WithCleanSession(true)
            .WithKeepAlivePeriod(settings.KeepAlive)
            .WithTimeout(settings.ConnectTimeout)
            .WithTlsOptions(tls => tls
                .UseTls()
                .WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13)
                .WithTargetHost(settings.Serial)
                .WithCertificateValidationHandler(args => _validator.Validate(args.Certificate)))
            .Build()
            .WithRoomySocketBuffers();
        _adapter = new MqttClientAdapterFactory().CreateClientAdapter(_options, null, MqttNetNullLogger.Instance);
    }

    public ChannelReader<BambuInbound> Inbound => _inbound.Reader;

    /// <summary>Wakes the reader of <see cref="Inbound"/> (its watchdog and pushall timer).</summary>
    public void WakeUp() => _inbound.Writer.TryWrite(BambuInbound.WakeUpCall);

    public bool IsConnected => _connected;

    /// <summary>What <see cref="ConnectAsync"/> connects with.</summary>
    internal MqttClientOptions ClientOptions => _options;

    /// <summary>Connects and subscribes to the report topic only (subscribing to <c>request</c> drops P1 sessions).</summary>
    /// <exception cref="BambuConnectException">The access code or the certificate was refused.</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        // One deadline for the whole handshake: a printer that accepts TCP and never answers
        // CONNACK or SUBACK must not hold this connect (and a slot of the connect gate) for ever.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            await HandshakeAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"printer '{_printerId}' did not complete the MQTT connect within {_options.Timeout.TotalSeconds:0} s");
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or BambuConnectException) && _validator.LastRejection is { } reason)
        {
            throw new BambuConnectException("tls_certificate_rejected", reason);
        }
    }

    /// <summary>At QoS 1, and returns once the printer acknowledged it: the printer ignores QoS 0 publishes while it is busy.</summary>
    public async Task PublishAsync(string payload, CancellationToken cancellationToken)
    {
        if (!_connected)
        {
            throw new InvalidOperationException($"printer '{_printerId}' is not connected");
        }

        var (id, acknowledged) = _acks.Register();
        try
        {
            var packet = new MqttPublishPacket
            {
                Topic = BambuCommandBuilder.RequestTopic(_serial),
                Payload = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(payload)),
                QualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce,
                PacketIdentifier = id,
            };
            await _adapter.SendPacketAsync(packet, cancellationToken).ConfigureAwait(false);
            await acknowledged.WaitAsync(_options.Timeout, _time, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _acks.Forget(id);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _keepAlive?.Dispose();
        try
        {
            if (_connected)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _adapter.SendPacketAsync(new MqttDisconnectPacket(), timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The connection is going away either way.
        }

        await _closing.CancelAsync().ConfigureAwait(false);
        _adapter.Dispose();
        await _receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _closing.Dispose();
    }

    private async Task HandshakeAsync(CancellationToken cancellationToken)
    {
        await _adapter.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var connect = new MqttConnectPacket
        {
            ClientId = _options.ClientId,
            Username = _options.Credentials.GetUserName(_options),
            Password = _options.Credentials.GetPassword(_options),
            CleanSession = _options.CleanSession,
            KeepAlivePeriod = (ushort)_options.KeepAlivePeriod.TotalSeconds,
        };
        await _adapter.SendPacketAsync(connect, cancellationToken).ConfigureAwait(false);
        var answer = await _adapter.ReceivePacketAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        switch (answer)
        {
            case null:
                throw new InvalidOperationException($"printer '{_printerId}' closed the connection before answering CONNECT");
            case MqttConnAckPacket { ReturnCode: MqttConnectReturnCode.ConnectionAccepted }:
                break;
            case MqttConnAckPacket { ReturnCode: MqttConnectReturnCode.ConnectionRefusedBadUsernameOrPassword or MqttConnectReturnCode.ConnectionRefusedNotAuthorized }:
                throw new BambuConnectException(
                    "auth_failed",
                    $"printer '{_printerId}' refused the access code (user bblp); check access_code against the code shown on the printer's screen");
            case MqttConnAckPacket refused:
                throw new InvalidOperationException($"printer '{_printerId}' refused the connection: {refused.ReturnCode}");
            default:
                throw new InvalidOperationException($"printer '{_printerId}' answered CONNECT with {answer.GetType().Name}");
        }

        _connected = true;
        _receiving = Task.Run(() => ReceiveAsync(_closing.Token), CancellationToken.None);
        var period = _options.KeepAlivePeriod * 0.75;
        if (period > TimeSpan.Zero)
        {
            _keepAlive = _time.CreateTimer(static s => ((BambuSession)s!).KeepAlive(), this, period, period);
        }

        var (id, acknowledged) = _acks.Register();
        var subscribe = new MqttSubscribePacket { PacketIdentifier = id };
        subscribe.TopicFilters.Add(new MqttTopicFilter { Topic = BambuCommandBuilder.ReportTopic(_serial), QualityOfServiceLevel = MqttQualityOfServiceLevel.AtMostOnce });
        await _adapter.SendPacketAsync(subscribe, cancellationToken).ConfigureAwait(false);
        await acknowledged.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var reason = "the printer closed the connection";
        try
        {
            while (await _adapter.ReceivePacketAsync(cancellationToken).ConfigureAwait(false) is { } packet)
            {
                Volatile.Write(ref _pingSentAt, 0);
                switch (packet)
                {
                    case MqttPublishPacket publish:
                        Deliver(publish.Payload);
                        if (publish.QualityOfServiceLevel == MqttQualityOfServiceLevel.AtLeastOnce)
                        {
                            await _adapter.SendPacketAsync(new MqttPubAckPacket { PacketIdentifier = publish.PacketIdentifier }, cancellationToken).ConfigureAwait(false);
                        }

                        break;
                    case MqttPubAckPacket ack:
                        _acks.Acknowledge(ack.PacketIdentifier);
                        break;
                    case MqttSubAckPacket ack:
                        _acks.Acknowledge(ack.PacketIdentifier);
                        break;
                    case MqttDisconnectPacket:
                        return;
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            reason = ex.Message;
        }
        finally
        {
            reason = _abortReason ?? reason;
            _connected = false;
            _keepAlive?.Dispose();

            // A peer declared dead by the keep-alive may still hold the TCP connection open.
            _adapter.Dispose();
            _acks.Close(new InvalidOperationException($"printer '{_printerId}': connection lost ({reason})"));

            // Through the thread pool: the runner continues synchronously on whoever writes, and
            // it must end the session (dispose, back off, reconnect) outside this receive loop.
            ThreadPool.UnsafeQueueUserWorkItem(static writer => writer.TryWrite(BambuInbound.Lost), _inbound.Writer, preferLocal: false);
        }
    }

    private void Deliver(ReadOnlySequence<byte> payload) =>
        _inbound.Writer.TryWrite(payload.Length > BambuPayloadDecoder.MaxBytes
            ? new BambuInbound(null, (int)Math.Min(payload.Length, int.MaxValue), false)
            : new BambuInbound(payload.ToArray(), 0, false));

    /// <summary>
    /// Pings on every tick; a ping still unanswered after the MQTT timeout ends the session (the
    /// receive loop's cancellation reports it lost), as a silent TCP peer would otherwise only be
    /// noticed by the report watchdog.
    /// </summary>
    private void KeepAlive()
    {
        var now = _time.GetTimestamp();
        var pingSentAt = Volatile.Read(ref _pingSentAt);
        if (pingSentAt != 0)
        {
            if (_time.GetElapsedTime(pingSentAt, now) >= _options.Timeout)
            {
                Abort($"no answer to a ping within {_options.Timeout.TotalSeconds:0} s");
            }

            return;
        }

        Volatile.Write(ref _pingSentAt, now);
        _ = PingAsync();
    }

    private async Task PingAsync()
    {
        try
        {
            await _adapter.SendPacketAsync(MqttPingReqPacket.Instance, _closing.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Abort($"sending a ping failed: {ex.Message}");
        }
    }

    /// <summary>Ends the receive loop, which reports the session lost.</summary>
    private void Abort(string reason)
    {
        _abortReason ??= reason;
        try
        {
            _closing.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed meanwhile: the session is already gone.
        }
    }
}
