using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Server;
using Printernizer.Simulators.Networking;

namespace Printernizer.Bridge.IntegrationTests.Infrastructure;

/// <summary>
/// A real MQTT broker on loopback for one test: Mosquitto when it is installed (CI installs it),
/// else the embedded MQTTnet broker. It can be stopped and started again on the same port.
/// </summary>
public sealed class TestBroker : IAsyncDisposable
{
    private readonly string _workDirectory;
    private readonly Queue<string> _log = new();
    private Process? _mosquitto;
    private MqttServer? _embedded;

    private readonly TestCertificates? _tls;
    private readonly (string User, string Password)? _credentials;

    private TestBroker(int port, string? mosquittoPath, TestCertificates? tls, (string, string)? credentials)
    {
        Port = port;
        MosquittoPath = mosquittoPath;
        _tls = tls;
        _credentials = credentials;
        _workDirectory = Directory.CreateTempSubdirectory("printernizer-broker-").FullName;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>Mosquitto's own log lines (the last 2,000), for diagnosing a test; empty for the embedded broker.</summary>
    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToArray();
            }
        }
    }

    public string? MosquittoPath { get; }

    public string Kind => MosquittoPath is null ? "embedded MQTTnet" : "mosquitto";

    /// <summary>Starts a broker; with <paramref name="tls"/> it speaks TLS only, with credentials it refuses anonymous clients.</summary>
    public static async Task<TestBroker> StartAsync(TestCertificates? tls = null, (string User, string Password)? credentials = null)
    {
        var broker = new TestBroker(FreePort(), FindMosquitto(), tls, credentials);
        await broker.StartAgainAsync();
        return broker;
    }

    /// <summary>A port that stays ours while the broker is stopped (see <see cref="LoopbackPorts"/>).</summary>
    public static int FreePort() => LoopbackPorts.Reserve();

    /// <summary>Starts the broker (again) on the same port. Mosquitto runs without persistence, so retained messages are gone.</summary>
    public async Task StartAgainAsync()
    {
        if (MosquittoPath is not null)
        {
            var config = Path.Combine(_workDirectory, "mosquitto.conf");
            // No queue limit per subscriber: the tests check that the bridge loses nothing, and a
            // capture client in a busy test process can fall behind a burst (the hostile-input
            // test's 10,000 reports); Mosquitto's default of 1,000 then drops its messages.
            var lines = new List<string> { $"listener {Port} 127.0.0.1", "persistence false", "max_queued_messages 0" };
            if (_tls is not null)
            {
                _tls.WritePem(_workDirectory, out var ca, out var cert, out var key);
                lines.AddRange([$"cafile {ca}", $"certfile {cert}", $"keyfile {key}"]);
            }

            if (_credentials is { } credentials)
            {
                var passwords = Path.Combine(_workDirectory, "passwords");
                using (var passwd = Process.Start(new ProcessStartInfo("mosquitto_passwd", ["-b", "-c", passwords, credentials.User, credentials.Password]) { UseShellExecute = false }))
                {
                    await passwd!.WaitForExitAsync();
                }

                lines.AddRange(["allow_anonymous false", $"password_file {passwords}"]);
            }
            else
            {
                lines.Add("allow_anonymous true");
            }

            await File.WriteAllLinesAsync(config, lines);

            // Mosquitto started as root drops to its own user, which must still read these files.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(_workDirectory, (UnixFileMode)0b111_101_101);
                foreach (var file in Directory.GetFiles(_workDirectory))
                {
                    File.SetUnixFileMode(file, (UnixFileMode)0b110_100_100);
                }
            }
            _mosquitto = Process.Start(new ProcessStartInfo(MosquittoPath, ["-c", config])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("mosquitto did not start");
            _mosquitto.ErrorDataReceived += (_, e) => KeepLog(e.Data);
            _mosquitto.OutputDataReceived += (_, e) => KeepLog(e.Data);
            _mosquitto.BeginErrorReadLine();
            _mosquitto.BeginOutputReadLine();
        }
        else
        {
            var factory = new MqttServerFactory();
            // As with Mosquitto above: no subscriber's queue may overflow (MQTTnet drops beyond 250).
            var builder = factory.CreateServerOptionsBuilder().WithMaxPendingMessagesPerClient(1_000_000);
            if (_tls is not null)
            {
                builder.WithoutDefaultEndpoint()
                    .WithEncryptedEndpoint()
                    .WithEncryptedEndpointBoundIPAddress(IPAddress.Loopback)
                    .WithEncryptedEndpointPort(Port)
                    .WithEncryptionCertificate(X509CertificateLoader.LoadPkcs12(_tls.Server.Export(X509ContentType.Pfx), null));
            }
            else
            {
                builder.WithDefaultEndpoint().WithDefaultEndpointBoundIPAddress(IPAddress.Loopback).WithDefaultEndpointPort(Port);
            }

            _embedded = factory.CreateMqttServer(builder.Build());
            if (_credentials is { } credentials)
            {
                _embedded.ValidatingConnectionAsync += args =>
                {
                    if (args.UserName != credentials.User || args.Password != credentials.Password)
                    {
                        args.ReasonCode = MQTTnet.Protocol.MqttConnectReasonCode.BadUserNameOrPassword;
                    }

                    return Task.CompletedTask;
                };
            }

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

    private void KeepLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Enqueue(line);
            if (_log.Count > 2000)
            {
                _log.Dequeue();
            }
        }
    }
}
