using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MQTTnet.Server;

namespace Printernizer.Bridge.IntegrationTests.Infrastructure;

/// <summary>
/// A real MQTT broker on loopback for one test: Mosquitto when it is installed (CI installs it),
/// else the embedded MQTTnet broker. It can be stopped and started again on the same port.
/// </summary>
public sealed class TestBroker : IAsyncDisposable
{
    private readonly string _workDirectory;
    private Process? _mosquitto;
    private MqttServer? _embedded;

    private TestBroker(int port, string? mosquittoPath)
    {
        Port = port;
        MosquittoPath = mosquittoPath;
        _workDirectory = Directory.CreateTempSubdirectory("printernizer-broker-").FullName;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    public string? MosquittoPath { get; }

    public string Kind => MosquittoPath is null ? "embedded MQTTnet" : "mosquitto";

    public static async Task<TestBroker> StartAsync()
    {
        var broker = new TestBroker(FreePort(), FindMosquitto());
        await broker.StartAgainAsync();
        return broker;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the broker (again) on the same port. Mosquitto runs without persistence, so retained messages are gone.</summary>
    public async Task StartAgainAsync()
    {
        if (MosquittoPath is not null)
        {
            var config = Path.Combine(_workDirectory, "mosquitto.conf");
            await File.WriteAllTextAsync(config, $"listener {Port} 127.0.0.1\nallow_anonymous true\npersistence false\n");
            _mosquitto = Process.Start(new ProcessStartInfo(MosquittoPath, ["-c", config])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("mosquitto did not start");
            _mosquitto.ErrorDataReceived += (_, _) => { };
            _mosquitto.BeginErrorReadLine();
            _mosquitto.BeginOutputReadLine();
        }
        else
        {
            var factory = new MqttServerFactory();
            var options = factory.CreateServerOptionsBuilder()
                .WithDefaultEndpoint()
                .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
                .WithDefaultEndpointPort(Port)
                .Build();
            _embedded = factory.CreateMqttServer(options);
            await _embedded.StartAsync();
        }

        await WaitUntilListeningAsync();
    }

    public async Task StopAsync()
    {
        if (_mosquitto is { } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
            _mosquitto = null;
        }

        if (_embedded is { } server)
        {
            await server.StopAsync(new MqttServerStopOptionsBuilder().Build());
            server.Dispose();
            _embedded = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string? FindMosquitto()
    {
        if (Environment.GetEnvironmentVariable("PRINTERNIZER_TEST_BROKER") == "embedded")
        {
            return null;
        }

        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin")
            .Select(dir => Path.Combine(dir, "mosquitto"));
        return candidates.FirstOrDefault(File.Exists);
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }
}
