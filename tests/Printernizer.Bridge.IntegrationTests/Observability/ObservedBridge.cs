using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Hosting;
using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Bridge.IntegrationTests.Prusa;
using Printernizer.Bridge.Observability;
using Printernizer.Bridge.Printers;
using Printernizer.Bridge.Printers.Bambu;
using Printernizer.Simulators.Bambu;
using Printernizer.Simulators.Prusa;
using Serilog.Core;

namespace Printernizer.Bridge.IntegrationTests.Observability;

/// <summary>
/// The real bridge host with the real printer types, its HTTP listener on a free loopback port and
/// its logs going through the production pipeline (<see cref="BridgeLogging"/>) into memory.
/// </summary>
internal sealed class ObservedBridge : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly Logger _logger;
    private readonly StringWriter _logs;
    private readonly HttpClient _http;
    private bool _stopped;

    private ObservedBridge(IHost host, Logger logger, StringWriter logs, BridgeConfig config)
    {
        _host = host;
        _logger = logger;
        _logs = logs;
        Config = config;
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(20) };
    }

    public BridgeConfig Config { get; }

    public Uri BaseUri => new($"http://{Config.Http!.Listen}/");

    public static PrinterDefinition Bambu(string id, BambuSimulator simulator) =>
        new(id, id.ToUpperInvariant(), "bambu_lab", simulator.Host, simulator.Port, null,
            new BambuSettings(simulator.Serial, simulator.AccessCode, null, false, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5))
            {
                ReconnectBase = TimeSpan.FromMilliseconds(100),
                ReconnectCap = TimeSpan.FromSeconds(1),
            });

    public static PrinterDefinition Prusa(string id, PrusaLinkSimulator simulator) =>
        new(id, id.ToUpperInvariant(), "prusa", "127.0.0.1", simulator.Port, null, PrusaAdapterHarness.Settings(simulator.Options));

    public static async Task<ObservedBridge> StartAsync(
        TestBroker broker, string stateDir, IReadOnlyList<PrinterDefinition> printers,
        Func<BridgeConfig, BridgeConfig>? tune = null, PrinterTypeRegistry? registry = null, Action<IServiceCollection>? configure = null)
    {
        var config = BridgeTestHost.CreateConfig(broker, stateDir) with
        {
            Printers = printers,
            LogLevel = "debug",
            Http = new HttpSettings("127.0.0.1", TestBroker.FreePort()),
            Logging = LoggingSettings.Default with { Json = true },
        };
        config = tune?.Invoke(config) ?? config;
        var logs = new StringWriter();
        var logger = BridgeLogging.Create(config, TimeProvider.System, logs).CreateLogger();
        var host = BridgeHost.Build(config, registry ?? PrinterTypeCatalog.CreateRegistry(), logger, configure);
        await host.StartAsync();
        return new ObservedBridge(host, logger, logs, config);
    }

    public async Task<(int Status, string Body)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(BaseUri, path));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Polls <paramref name="path"/> until <paramref name="done"/> holds; fails after 30 s with the last answer.</summary>
    public async Task<(int Status, string Body)> WaitForAsync(string path, Func<int, string, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        (int Status, string Body) last = (0, "no answer yet");
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await GetAsync(path);
                if (done(last.Status, last.Body))
                {
                    return last;
                }
            }
            catch (HttpRequestException ex)
            {
                last = (0, ex.Message);
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Timed out waiting for {what} on {path}; last answer {last.Status}:\n{last.Body}");
    }

    /// <summary>Every log line written so far; call after <see cref="StopAsync"/> for the complete set.</summary>
    public IReadOnlyList<string> LogLines
    {
        get
        {
            lock (_logs)
            {
                return _logs.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
        }
    }

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
            await _logger.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
        _http.Dispose();
    }
}
