using System.Net;
using System.Net.Sockets;
using Printernizer.Simulators.Networking;

namespace Printernizer.Bridge.Benchmarks.Fleet;

/// <summary>Mosquitto on a free loopback port with a generated config (no persistence, no queue limits, Nagle off).</summary>
internal sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private MosquittoBroker(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static async Task<MosquittoBroker> StartAsync(string workDirectory)
    {
        var executable = new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("mosquitto is not installed (apt-get install mosquitto), or pass --broker mqtt://host:port");
        var port = LoopbackPorts.Reserve();
        var config = Path.Combine(workDirectory, "mosquitto.conf");
        await File.WriteAllTextAsync(config, $"""
            listener {port} 127.0.0.1
            allow_anonymous true
            persistence false
            set_tcp_nodelay true
            max_queued_messages 0
            max_inflight_messages 0
            log_dest stderr
            log_type error
            log_type warning

            """).ConfigureAwait(false);
        var process = ChildProcess.Start(executable, ["-c", config], line => Console.Error.WriteLine($"mosquitto: {line}"));
        var broker = new MosquittoBroker(process, port);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
                return broker;
            }
            catch (SocketException)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        await broker.DisposeAsync().ConfigureAwait(false);
        throw new InvalidOperationException($"mosquitto did not listen on port {port}");
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
