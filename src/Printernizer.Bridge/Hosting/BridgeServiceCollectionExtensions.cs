using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Printernizer.Bridge.Commands;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.HomeAssistant;
using Printernizer.Bridge.Observability;
using Printernizer.Bridge.Printers;
using Printernizer.Bridge.Publishing;
using Printernizer.Bridge.Publishing.Mqtt;
using Printernizer.Bridge.State;

namespace Printernizer.Bridge.Hosting;

internal static class BridgeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the whole bridge. Hosted services start in this order and stop in reverse:
    /// the embedded broker first up and last down, the printers last up and first down, so the
    /// final states still reach the broker before the retained "offline".
    /// </summary>
    public static IServiceCollection AddPrinternizerBridge(this IServiceCollection services, BridgeConfig config, PrinterTypeRegistry registry)
    {
        Directory.CreateDirectory(config.StateDir);
        services.AddSingleton(config);
        services.AddSingleton(config.Mqtt);
        services.AddSingleton(registry);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new TopicLayout(config.Mqtt.BaseTopic, config.Mqtt.DiscoveryPrefix));

        if (config.Mqtt.Embedded)
        {
            services.AddSingleton<EmbeddedBroker>();
            services.AddHostedService(sp => sp.GetRequiredService<EmbeddedBroker>());
        }

        services.AddSingleton<MqttBrokerConnection>();
        services.AddSingleton<IBrokerConnection>(sp => sp.GetRequiredService<MqttBrokerConnection>());
        services.AddHostedService(sp => sp.GetRequiredService<MqttBrokerConnection>());

        services.AddSingleton(sp => new PrinterAdapterContext(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>(), config.StateDir, sp.GetService<IPrinterMetricsSource>()));
        services.AddSingleton<PrinterFleet>();
        services.AddSingleton(sp => new PrinterMemoryStore(config.StateDir, sp.GetRequiredService<ILogger<PrinterMemoryStore>>()));
        if (config.Mqtt.Discovery)
        {
            services.AddSingleton(sp => new DiscoveryPublisher(
                new DiscoveryPayloadBuilder(sp.GetRequiredService<TopicLayout>(), BridgeVersion.Current, BridgeVersion.SupportUrl),
                sp.GetRequiredService<TopicLayout>(),
                config.Control,
                sp.GetRequiredService<ILogger<DiscoveryPublisher>>()));
        }

        services.AddSingleton(sp => new BridgePublisher(
            config,
            sp.GetRequiredService<TopicLayout>(),
            sp.GetRequiredService<IBrokerConnection>(),
            sp.GetRequiredService<PrinterFleet>(),
            sp.GetRequiredService<PrinterMemoryStore>(),
            sp.GetService<DiscoveryPublisher>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BridgePublisher>>(),
            sp.GetService<BridgeMetrics>()));
        services.AddHostedService(sp => sp.GetRequiredService<BridgePublisher>());
        services.AddHostedService<CommandRouter>();
        services.AddHostedService<Files.FilesRequestRouter>();
        services.AddHostedService<Files.JobThumbnailPublisher>();
        services.AddHostedService<PrinterSupervisor>();
        services.AddPrinternizerObservability(config);
        return services;
    }
}
