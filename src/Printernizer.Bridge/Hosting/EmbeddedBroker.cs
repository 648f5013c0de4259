using System.Net;
using System.Reflection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet.Packets;
using MQTTnet.Server;
using Printernizer.Bridge.Configuration;

namespace Printernizer.Bridge.Hosting;

/// <summary>The built-in MQTT broker (<c>mqtt.url: embedded</c>), started before the bridge connects to it.</summary>
internal sealed partial class EmbeddedBroker : IHostedService, IDisposable
{
    private static readonly FieldInfo? ConnectPacketField = typeof(ValidatingConnectionEventArgs)
        .GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
        .FirstOrDefault(f => f.FieldType == typeof(MqttConnectPacket));

    private readonly MqttServer _server;
    private readonly MqttSettings _settings;
    private readonly ILogger<EmbeddedBroker> _logger;

    public EmbeddedBroker(MqttSettings settings, ILogger<EmbeddedBroker> logger)
    {
        _settings = settings;
        _logger = logger;
        var factory = new MqttServerFactory();
        var options = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(Resolve(settings.Host))
            .WithDefaultEndpointPort(settings.Port)
            .Build();
        _server = factory.CreateMqttServer(options);
        _server.ValidatingConnectionAsync += AssignClientIdentifier;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _server.StartAsync().ConfigureAwait(false);
        LogStarted(_settings.Host, _settings.Port);
    }

    /// <summary>Longest wait for subscribers to receive what is still queued for them (the bridge's "offline").</summary>
    private static readonly TimeSpan DeliveryGrace = TimeSpan.FromSeconds(1);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The bridge stops first and publishes its retained "offline"; stopping the server at once
        // could drop it from a subscriber's queue, and a watcher would never see the bridge go.
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(DeliveryGrace);
        while (!grace.IsCancellationRequested)
        {
            var sessions = await _server.GetSessionsAsync().ConfigureAwait(false);
            if (sessions.All(s => s.PendingApplicationMessagesCount == 0))
            {
                break;
            }

            await Task.Delay(20, CancellationToken.None).ConfigureAwait(false);
        }

        await _server.StopAsync(new MqttServerStopOptionsBuilder().Build()).ConfigureAwait(false);
    }

    public void Dispose() => _server.Dispose();

    /// <summary>
    /// mosquitto_sub and many scripts connect with an empty client id and a clean session, and
    /// expect the broker to make one up, as MQTT 3.1.1 and 5 allow. MQTTnet does that only for
    /// MQTT 5 (through <see cref="ValidatingConnectionEventArgs.AssignedClientIdentifier"/>); for
    /// 3.1.1 the id is set on the CONNECT packet, which MQTTnet keeps private, before its check.
    /// </summary>
    private static Task AssignClientIdentifier(ValidatingConnectionEventArgs args)
    {
        if (!string.IsNullOrEmpty(args.ClientId))
        {
            return Task.CompletedTask;
        }

        var assigned = "auto-" + Guid.NewGuid().ToString("N");
        args.AssignedClientIdentifier = assigned;
        if (ConnectPacketField?.GetValue(args) is MqttConnectPacket { CleanSession: true } connect)
        {
            connect.ClientId = assigned;
        }

        return Task.CompletedTask;
    }

    private static IPAddress Resolve(string host) =>
        host switch
        {
            "localhost" => IPAddress.Loopback,
            "0.0.0.0" or "*" => IPAddress.Any,
            _ => IPAddress.TryParse(host, out var address) ? address : IPAddress.Loopback,
        };

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded MQTT broker listening on {Host}:{Port}")]
    private partial void LogStarted(string host, int port);
}
