using Microsoft.Extensions.DependencyInjection;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Hosting;
using Printernizer.Bridge.Printers;
using Printernizer.Bridge.Publishing.Mqtt;

namespace Printernizer.Bridge.Observability;

internal static class ObservabilityServiceCollectionExtensions
{
    /// <summary>
    /// Metrics (always collected: <c>bridge/info</c> reports them too), restart requests over
    /// MQTT, and the HTTP listener when <c>http.listen</c> is configured.
    /// </summary>
    public static IServiceCollection AddPrinternizerObservability(this IServiceCollection services, BridgeConfig config)
    {
        services.AddSingleton(sp => new BridgeMetrics(config, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IPrinterMetricsSource>(sp => sp.GetRequiredService<BridgeMetrics>());
        services.AddSingleton<IBrokerMetrics>(sp => sp.GetRequiredService<BridgeMetrics>().Broker);
        services.AddSingleton<PrinterRunControl>();
        services.AddHostedService<RestartPrinterHandler>();
        if (config.Http is { } http)
        {
            services.AddSingleton(http);
            services.AddSingleton<BridgeHealth>();
            services.AddHostedService<ObservabilityServer>();
        }

        return services;
    }
}
