using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Printers;
using Serilog;

namespace Printernizer.Bridge.Hosting;

/// <summary>Builds the bridge's host from a validated configuration (used by Program, the demo and the tests).</summary>
internal static class BridgeHost
{
    public static IHost Build(BridgeConfig config, PrinterTypeRegistry registry, ILogger logger, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSerilog(logger, dispose: false);
        builder.Services.Configure<HostOptions>(o =>
        {
            o.ShutdownTimeout = TimeSpan.FromSeconds(15);
            o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore;
        });
        builder.Services.AddPrinternizerBridge(config, registry);
        configure?.Invoke(builder.Services);
        return builder.Build();
    }
}
