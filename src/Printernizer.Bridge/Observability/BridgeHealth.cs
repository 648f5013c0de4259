using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Publishing;
using Printernizer.Bridge.Publishing.Mqtt;

namespace Printernizer.Bridge.Observability;

/// <summary>
/// Liveness: no background loop of the host failed and the publisher loop handled work
/// recently (it ticks every 5 s). Readiness: alive, started, configuration loaded and the local
/// broker connected.
/// </summary>
internal sealed class BridgeHealth
{
    public static readonly TimeSpan StuckAfter = TimeSpan.FromSeconds(30);

    private readonly IServiceProvider _services;
    private readonly BridgeConfig _config;
    private readonly IBrokerConnection _broker;
    private readonly BridgePublisher _publisher;
    private readonly IHostApplicationLifetime? _lifetime;
    private readonly TimeProvider _time;

    public BridgeHealth(
        IServiceProvider services, BridgeConfig config, IBrokerConnection broker, BridgePublisher publisher, TimeProvider time, IHostApplicationLifetime? lifetime = null)
    {
        _services = services;
        _config = config;
        _broker = broker;
        _publisher = publisher;
        _time = time;
        _lifetime = lifetime;
    }

    public HealthReport Liveness()
    {
        var checks = new List<string>();
        var healthy = true;

        // Resolved late: the hosted services include the listener that asks.
        foreach (var service in _services.GetServices<IHostedService>().OfType<BackgroundService>())
        {
            // A loop that ends normally (the supervisor with no printers) is fine; one that threw is not.
            if (service.ExecuteTask is { IsFaulted: true } or { IsCanceled: true })
            {
                healthy = false;
                checks.Add($"loop {service.GetType().Name}: failed");
            }
        }

        var idle = _time.GetUtcNow() - _publisher.LastLoopActivity;
        var stuck = idle > StuckAfter;
        healthy &= !stuck;
        checks.Add(stuck ? $"publisher loop: no progress for {idle.TotalSeconds:0} s" : "loops: running");
        return new HealthReport(healthy, checks);
    }

    public HealthReport Readiness()
    {
        var live = Liveness();
        var started = _lifetime is null || _lifetime.ApplicationStarted.IsCancellationRequested;
        var stopping = _lifetime?.ApplicationStopping.IsCancellationRequested ?? false;
        var connected = _broker.IsConnected;
        var checks = new List<string>(live.Checks)
        {
            $"config: loaded ({_config.Printers.Count} printer(s))",
            stopping ? "host: stopping" : started ? "host: started" : "host: starting",
            connected ? "broker: connected" : "broker: not connected",
        };
        return new HealthReport(live.Healthy && started && !stopping && connected, checks);
    }
}
