using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Hosting;
using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Bridge.Printers;
using Serilog;
using Serilog.Core;

namespace Printernizer.Bridge.FaultTests.Infrastructure;

/// <summary>
/// The real bridge host in process, with the real printer types, against a test broker and
/// simulators. Its logs are captured; on disposal they are checked for every configured secret.
/// </summary>
internal sealed class FaultBridge : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly Logger _logger;
    private bool _stopped;

    private FaultBridge(IHost host, Logger logger, LogCapture logs, BridgeConfig config)
    {
        _host = host;
        _logger = logger;
        Logs = logs;
        Config = config;
    }

    public LogCapture Logs { get; }

    public BridgeConfig Config { get; }

    public PrinterFleet Fleet => _host.Services.GetRequiredService<PrinterFleet>();

    public static BridgeConfig CreateConfig(
        TestBroker broker, string stateDir, IReadOnlyList<PrinterDefinition> printers, bool control = true, (string User, string Password)? credentials = null)
    {
        var mqtt = new MqttSettings(
            $"mqtt://{broker.Host}:{broker.Port}", false, broker.Host, broker.Port, false, null, false, credentials?.User, credentials?.Password,
            "printernizer", "homeassistant", "printernizer-fault-" + Guid.NewGuid().ToString("N")[..6], true);
        return new BridgeConfig(mqtt, printers, stateDir, control, "debug");
    }

    public static async Task<FaultBridge> StartAsync(BridgeConfig config, ITestOutputHelper? output = null)
    {
        var logs = new LogCapture(output);
        var logger = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(logs).CreateLogger();
        var host = BridgeHost.Build(config, PrinterTypeCatalog.CreateRegistry(), logger);
        await host.StartAsync();
        return new FaultBridge(host, logger, logs, config);
    }

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
        await _logger.DisposeAsync();
    }
}
