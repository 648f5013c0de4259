using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Printers;

namespace Printernizer.Bridge.Hosting.Demo;

/// <summary>
/// <c>--demo</c>: the embedded broker, three simulated printers and the bridge in one process.
/// State lives in a fresh temporary folder, because the simulators make new certificates at
/// every start and a kept pin would (rightly) refuse them.
/// </summary>
internal static class DemoRunner
{
    public static readonly TimeSpan DefaultJobDuration = TimeSpan.FromSeconds(90);

    public static async Task<DemoSession> StartAsync(int port, Serilog.ILogger logger, TimeSpan jobDuration, CancellationToken cancellationToken)
    {
        var stateDir = Directory.CreateTempSubdirectory("printernizer-demo-").FullName;
        var fleet = await DemoFleet.StartAsync(jobDuration, cancellationToken).ConfigureAwait(false);
        var mqtt = new MqttSettings(
            $"embedded://127.0.0.1:{port}", Embedded: true, "127.0.0.1", port, UseTls: false, CaFile: null, TlsInsecure: false,
            Username: null, Password: null, BaseTopic: "printernizer", DiscoveryPrefix: "homeassistant", ClientId: "printernizer-bridge", Discovery: true);
        var config = new BridgeConfig(mqtt, fleet.Definitions(), stateDir, Control: true, LogLevel: "information");
        var host = BridgeHost.Build(config, PrinterTypeCatalog.CreateRegistry(), logger, services =>
        {
            services.AddSingleton(fleet);
            services.AddHostedService(sp => new DemoDirector(
                fleet, jobDuration, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<DemoDirector>>()));
        });
        var session = new DemoSession(host, fleet, stateDir);
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            return session;
        }
        catch
        {
            // E.g. the port is taken: stop the simulators too, then report.
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public static string Instructions(int port) => $"""

        Printernizer Bridge demo is running: an embedded MQTT broker on 127.0.0.1:{port},
        three simulated printers (x1c: Bambu X1C, p1s: Bambu P1S, mk4: Prusa MK4) printing in a loop.

          Watch everything:   mosquitto_sub -h 127.0.0.1 -p {port} -t 'printernizer/#' -v
          Cancel the X1C:     mosquitto_pub -h 127.0.0.1 -p {port} -t printernizer/x1c/command -m cancel
          Command results:    mosquitto_sub -h 127.0.0.1 -p {port} -t 'printernizer/+/command/result' -v
          Home Assistant:     point its MQTT integration at 127.0.0.1:{port}; the printers appear by themselves.

        Ctrl+C stops it (bridge/state becomes offline).

        """;

    /// <summary>A running demo; disposing stops the bridge, then the printers, and removes the state folder.</summary>
    internal sealed class DemoSession : IAsyncDisposable
    {
        private readonly DemoFleet _fleet;
        private readonly string _stateDir;

        public DemoSession(IHost host, DemoFleet fleet, string stateDir)
        {
            Host = host;
            _fleet = fleet;
            _stateDir = stateDir;
        }

        public IHost Host { get; }

        public async ValueTask DisposeAsync()
        {
            await Host.StopAsync().ConfigureAwait(false);
            Host.Dispose();
            await _fleet.DisposeAsync().ConfigureAwait(false);
            try
            {
                Directory.Delete(_stateDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
