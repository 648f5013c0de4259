using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet.Server;
using Printernizer.Bridge.Configuration;

namespace Printernizer.Bridge.Hosting;

/// <summary>The built-in MQTT broker (<c>mqtt.url: embedded</c>), started before the bridge connects to it.</summary>
internal sealed partial class EmbeddedBroker : IHostedService, IDisposable
{
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
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _server.StartAsync().ConfigureAwait(false);
        LogStarted(_settings.Host, _settings.Port);
    }

    public Task StopAsync(CancellationToken cancellationToken) =>
        _server.StopAsync(new MqttServerStopOptionsBuilder().Build());

    public void Dispose() => _server.Dispose();

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
