using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Server;
using Printernizer.Simulators.Networking;
using Printernizer.Simulators.Tls;

namespace Printernizer.Simulators.Bambu;

/// <summary>
/// A simulated Bambu Lab printer: its own MQTT broker over TLS on loopback (one broker per
/// printer, like the real thing), user <c>bblp</c> with the access code, answering
/// <c>pushall</c>, <c>get_version</c> and stop/pause/resume, and pushing reports every tick.
/// </summary>
internal sealed partial class BambuSimulator : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly BambuSimulatorOptions _options;
    private readonly BambuSimulatedPrinter _printer;
    private readonly BambuSimReportBuilder _reports;
    private X509Certificate2 _certificate;
    private MqttServer? _server;
    private CancellationTokenSource? _ticking;
    private Task _tickLoop = Task.CompletedTask;
    private volatile BambuSimulatorFault _fault;
    private int _hostileKind;
    private int _connectionAttempts;
    private int _pushallRequests;
    private int _versionRequests;
    private long _reportsSent;
    private int _printRequests;

    private BambuSimulator(BambuSimulatorOptions options, int port)
    {
        _options = options;
        Port = port;
        _printer = new BambuSimulatedPrinter(options, options.Time.GetUtcNow());
        _reports = new BambuSimReportBuilder(options);
        _certificate = options.Certificate ?? SelfSignedCertificateFactory.Create(options.Serial, options.Time);
    }

    public string Host => "127.0.0.1";
    public int Port { get; }
    public string Serial => _options.Serial;
    public string AccessCode => _options.AccessCode;
    public BambuSimulatorProfile Profile => _options.Profile;
    public string CertificateSha256 => SelfSignedCertificateFactory.Sha256(_certificate);

    /// <summary>The printer's certificate, for a side server (FTPS) that must present the same one, as the printer does.</summary>
    public X509Certificate2 Certificate => _certificate;

    /// <summary>CONNECT packets seen, accepted or not.</summary>
    public int ConnectionAttempts => Volatile.Read(ref _connectionAttempts);

    /// <summary><c>pushall</c> requests received (a P1 lags when asked too often).</summary>
    public int PushallRequests => Volatile.Read(ref _pushallRequests);

    public int VersionRequests => Volatile.Read(ref _versionRequests);

    /// <summary>Reports pushed by the tick or the flood (not replies to requests).</summary>
    public long ReportsSent => Interlocked.Read(ref _reportsSent);

    /// <summary><c>print.stop|pause|resume</c> requests received, answered or not (a <see cref="BambuSimulatorFault.Silent"/> printer ignores them).</summary>
    public int PrintRequests => Volatile.Read(ref _printRequests);

    /// <summary>Clients connected right now (a closed session disappears from this count).</summary>
    public async Task<int> ConnectedClientCountAsync() =>
        _server is { } server ? (await server.GetClientsAsync().ConfigureAwait(false)).Count : 0;

    public string GcodeState
    {
        get { lock (_gate) { return _printer.GcodeState; } }
    }

    public static async Task<BambuSimulator> StartAsync(BambuSimulatorOptions options, CancellationToken cancellationToken = default)
    {
        var simulator = new BambuSimulator(options, options.Port == 0 ? LoopbackPorts.Reserve() : options.Port);
        await simulator.StartServerAsync(cancellationToken).ConfigureAwait(false);
        return simulator;
    }

    public void StartJob(string name = "benchy", TimeSpan alreadyElapsed = default)
    {
        lock (_gate)
        {
            _printer.StartJob(name, _options.Time.GetUtcNow(), alreadyElapsed);
        }
    }

    /// <summary>A cancel pressed on the printer's screen.</summary>
    public bool CancelJob()
    {
        lock (_gate)
        {
            return _printer.Stop();
        }
    }

    /// <summary>The running print fails with <paramref name="printError"/> (default 0x0300_8008, a nozzle clog).</summary>
    public bool FailJob(long printError = 0x03008008)
    {
        lock (_gate)
        {
            return _printer.Fail(printError);
        }
    }

    public void SetFault(BambuSimulatorFault fault) => _fault = fault;

    public void SetLocked(bool locked)
    {
        lock (_gate)
        {
            _printer.Locked = locked;
        }
    }

    /// <summary>Drops every client at once, as a printer losing Wi-Fi does.</summary>
    public async Task DropClientsAsync()
    {
        if (_server is not { } server)
        {
            return;
        }

        foreach (var client in await server.GetClientsAsync().ConfigureAwait(false))
        {
            await client.DisconnectAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stops the broker; the printer's state is kept for <see cref="RestartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_ticking is { } ticking)
        {
            await ticking.CancelAsync().ConfigureAwait(false);
            await _tickLoop.ConfigureAwait(false);
            ticking.Dispose();
            _ticking = null;
        }

        if (_server is { } server)
        {
            await server.StopAsync().ConfigureAwait(false);
            server.Dispose();
            _server = null;
        }
    }

    /// <summary>Starts again on the same port, with the same certificate unless <paramref name="newCertificate"/> (a reset printer).</summary>
    public async Task RestartAsync(bool newCertificate = false, CancellationToken cancellationToken = default)
    {
        await StopAsync().ConfigureAwait(false);
        if (newCertificate)
        {
            DisposeOwnCertificate();
            _certificate = SelfSignedCertificateFactory.Create(_options.Serial, _options.Time);
        }

        await StartServerAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Publishes raw bytes on the report topic, e.g. a captured fixture file.</summary>
    public Task PublishRawAsync(ReadOnlyMemory<byte> payload) => PublishAsync(payload.ToArray());

    public async Task ReplayFileAsync(string path, CancellationToken cancellationToken = default) =>
        await PublishAsync(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        DisposeOwnCertificate();
    }

    private void DisposeOwnCertificate()
    {
        if (!ReferenceEquals(_certificate, _options.Certificate))
        {
            _certificate.Dispose();
        }
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        var factory = new MqttServerFactory();
        var options = factory.CreateServerOptionsBuilder()
            .WithoutDefaultEndpoint()
            .WithEncryptedEndpoint()
            .WithEncryptedEndpointBoundIPAddress(IPAddress.Loopback)
            .WithEncryptedEndpointPort(Port)
            .WithEncryptionCertificate(_certificate)
            .WithEncryptionSslProtocol(SslProtocols.Tls12)
            .Build();
        if (_options.KeepAliveMonitorInterval is { } interval)
        {
            options.KeepAliveOptions.MonitorInterval = interval;
        }

        var server = factory.CreateMqttServer(options);
        server.ValidatingConnectionAsync += OnConnecting;
        server.InterceptingPublishAsync += OnPublishAsync;
        server.InterceptingSubscriptionAsync += OnSubscribing;
        await server.StartAsync().ConfigureAwait(false);
        _server = server;
        _ticking = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _tickLoop = TickAsync(_ticking.Token);
    }
}
