using System.Buffers;
using System.Security.Authentication;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Printernizer.Bridge.Publishing.Mqtt;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// One MQTT 3.1.1 connection to the printer's broker. The callbacks only queue what arrives;
/// the connection loop reads the queue, so nothing reconnects or reports from a callback.
/// </summary>
internal sealed class BambuSession : IAsyncDisposable
{
    private readonly Channel<BambuInbound> _inbound = Channel.CreateUnbounded<BambuInbound>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _options;
    private readonly string _printerId;
    private readonly string _serial;
    private readonly BambuCertificateValidator _validator;

    public BambuSession(string printerId, string host, int port, BambuSettings settings, BambuCertificateValidator validator)
    {
        _printerId = printerId;
        _serial = settings.Serial;
        _validator = validator;
        _client = new MqttClientFactory().CreateMqttClient();
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
        _client.ApplicationMessageReceivedAsync += e =>
        {
            var payload = e.ApplicationMessage.Payload;
            _inbound.Writer.TryWrite(payload.Length > BambuPayloadDecoder.MaxBytes
                ? new BambuInbound(null, (int)Math.Min(payload.Length, int.MaxValue), false)
                : new BambuInbound(payload.ToArray(), 0, false));
            return Task.CompletedTask;
        };
        _client.DisconnectedAsync += _ =>
        {
            _inbound.Writer.TryWrite(BambuInbound.Lost);
            return Task.CompletedTask;
        };
    }

    public ChannelReader<BambuInbound> Inbound => _inbound.Reader;

    /// <summary>Wakes the reader of <see cref="Inbound"/> (its watchdog and pushall timer).</summary>
    public void WakeUp() => _inbound.Writer.TryWrite(BambuInbound.WakeUpCall);

    public bool IsConnected => _client.IsConnected;

    /// <summary>What <see cref="ConnectAsync"/> connects with.</summary>
    internal MqttClientOptions ClientOptions => _options;

    /// <summary>Connects and subscribes to the report topic only (subscribing to <c>request</c> drops P1 sessions).</summary>
    /// <exception cref="BambuConnectException">The access code or the certificate was refused.</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        MqttClientConnectResult result;

        // MQTTnet applies its own connect timeout only to a token that cannot be cancelled: a
        // printer that accepts TCP and never answers CONNACK would hold this connect (and a slot
        // of the connect gate) until shutdown.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            result = await _client.ConnectAsync(_options, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"printer '{_printerId}' did not complete the MQTT connect within {_options.Timeout.TotalSeconds:0} s");
        }
        catch (Exception ex) when (ex is not OperationCanceledException && _validator.LastRejection is { } reason)
        {
            throw new BambuConnectException("tls_certificate_rejected", reason);
        }

        // MQTTnet 5 returns a refused CONNACK as a result, not an exception.
        if (IsAuthFailure(result.ResultCode))
        {
            throw AuthFailed();
        }

        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"printer '{_printerId}' refused the connection: {result.ResultCode}");
        }

        var filter = new MqttTopicFilterBuilder()
            .WithTopic(BambuCommandBuilder.ReportTopic(_serial))
            .WithAtMostOnceQoS()
            .Build();
        await _client.SubscribeAsync(filter, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>At QoS 1: the printer ignores QoS 0 publishes while it is busy.</summary>
    public async Task PublishAsync(string payload, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(BambuCommandBuilder.RequestTopic(_serial))
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        await _client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The connection is going away either way.
        }
        finally
        {
            _client.Dispose();
        }
    }

    private static bool IsAuthFailure(MqttClientConnectResultCode code) =>
        code is MqttClientConnectResultCode.NotAuthorized or MqttClientConnectResultCode.BadUserNameOrPassword;

    private BambuConnectException AuthFailed() => new(
        "auth_failed",
        $"printer '{_printerId}' refused the access code (user bblp); check access_code against the code shown on the printer's screen");
}
