using Microsoft.Extensions.Hosting;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Hosting;
using Printernizer.Bridge.Printers;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Printernizer.Bridge.IntegrationTests.Infrastructure;

/// <summary>The real bridge host, in process, against a test broker and fake printers.</summary>
internal sealed class BridgeTestHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly Logger _logger;
    private readonly LogCollector _logs;

    private BridgeTestHost(IHost host, Logger logger, LogCollector logs, FakePrinterType printers, BridgeConfig config)
    {
        _host = host;
        _logger = logger;
        _logs = logs;
        Printers = printers;
        Config = config;
    }

    public FakePrinterType Printers { get; }

    public BridgeConfig Config { get; }

    public IReadOnlyList<LogEvent> Logs => _logs.Events;

    public static BridgeConfig CreateConfig(TestBroker broker, string stateDir, bool control = true, params string[] printerIds)
    {
        var mqtt = new MqttSettings(
            $"mqtt://{broker.Host}:{broker.Port}", false, broker.Host, broker.Port, false, null, false, null, null,
            "printernizer", "homeassistant", "printernizer-test-" + Guid.NewGuid().ToString("N")[..6], true);
        var printers = printerIds
            .Select(id => new PrinterDefinition(id, id.ToUpperInvariant() + " printer", FakePrinterType.TypeName, "127.0.0.1", 1, null, new FakePrinterSettings()))
            .ToArray();
        return new BridgeConfig(mqtt, printers, stateDir, control, "debug");
    }

    public static async Task<BridgeTestHost> StartAsync(BridgeConfig config)
    {
        var printers = new FakePrinterType();
        var logs = new LogCollector();
        var logger = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(logs).CreateLogger();
        var host = BridgeHost.Build(config, new PrinterTypeRegistry([printers]), logger);
        await host.StartAsync();
        return new BridgeTestHost(host, logger, logs, printers, config);
    }

    private bool _stopped;

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

    private sealed class LogCollector : ILogEventSink
    {
        private readonly List<LogEvent> _events = [];

        public IReadOnlyList<LogEvent> Events
        {
            get
            {
                lock (_events)
                {
                    return _events.ToArray();
                }
            }
        }

        public void Emit(LogEvent logEvent)
        {
            lock (_events)
            {
                _events.Add(logEvent);
            }
        }
    }
}
