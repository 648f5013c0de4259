using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using Printernizer.Simulators.Tls;

namespace Printernizer.Bridge.IntegrationTests.Bambu;

/// <summary>
/// A printer's broker reduced to raw MQTT 3.1.1 bytes over TLS on loopback, for one client: it
/// accepts CONNECT and SUBSCRIBE and then, as scripted, answers PINGREQ and QoS 1 PUBLISH or
/// stays silent (a peer whose network went away without a FIN).
/// </summary>
internal sealed class ScriptedPrinterBroker : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<SslStream> _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _clientGone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Task _serving;
    private int _pings;
    private int _publishes;

    public ScriptedPrinterBroker(string serial, bool answerPings, bool acknowledgePublishes)
    {
        Serial = serial;
        AnswerPings = answerPings;
        AcknowledgePublishes = acknowledgePublishes;
        _listener.Start();
        _serving = Task.Run(() => ServeAsync(_stop.Token));
    }

    public string Serial { get; }

    public bool AnswerPings { get; }

    public bool AcknowledgePublishes { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int PingsReceived => Volatile.Read(ref _pings);

    public int PublishesReceived => Volatile.Read(ref _publishes);

    /// <summary>Completes when the client's connection ends (it closed it, or went away).</summary>
    public Task ClientGone => _clientGone.Task;

    /// <summary>Publishes a report to the subscribed client at QoS 0.</summary>
    public async Task SendReportAsync(string json)
    {
        var stream = await _subscribed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var topic = Encoding.UTF8.GetBytes($"device/{Serial}/report");
        var payload = Encoding.UTF8.GetBytes(json);
        var body = new List<byte> { (byte)(topic.Length >> 8), (byte)topic.Length };
        body.AddRange(topic);
        body.AddRange(payload);
        await WriteAsync(stream, 0x30, [.. body]);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        _writeLock.Dispose();
    }

    private async Task ServeAsync(CancellationToken cancellationToken)
    {
        using var certificate = SelfSignedCertificateFactory.Create(Serial, TimeProvider.System);
        using var client = await _listener.AcceptTcpClientAsync(cancellationToken);
        await using var tls = new SslStream(client.GetStream());
        try
        {
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, cancellationToken);
            while (await ReadPacketAsync(tls, cancellationToken) is var (header, body))
            {
                switch (header >> 4)
                {
                    case 1: // CONNECT
                        await WriteAsync(tls, 0x20, [0x00, 0x00]);
                        break;
                    case 8: // SUBSCRIBE: SUBACK granting QoS 0
                        await WriteAsync(tls, 0x90, [body[0], body[1], 0x00]);
                        _subscribed.TrySetResult(tls);
                        break;
                    case 12: // PINGREQ
                        Interlocked.Increment(ref _pings);
                        if (AnswerPings)
                        {
                            await WriteAsync(tls, 0xD0, []);
                        }

                        break;
                    case 3: // PUBLISH
                        Interlocked.Increment(ref _publishes);
                        var topicLength = (body[0] << 8) | body[1];
                        if (((header >> 1) & 3) == 1 && AcknowledgePublishes)
                        {
                            await WriteAsync(tls, 0x40, [body[2 + topicLength], body[3 + topicLength]]);
                        }

                        break;
                    case 14: // DISCONNECT
                        return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away, or the test is over.
        }
        finally
        {
            _clientGone.TrySetResult();
        }
    }

    private static async Task<(byte Header, byte[] Body)?> ReadPacketAsync(Stream stream, CancellationToken cancellationToken)
    {
        var one = new byte[1];
        if (await stream.ReadAsync(one, cancellationToken) == 0)
        {
            return null;
        }

        var header = one[0];
        int length = 0, shift = 0;
        do
        {
            await stream.ReadExactlyAsync(one, cancellationToken);
            length |= (one[0] & 0x7F) << shift;
            shift += 7;
        }
        while ((one[0] & 0x80) != 0);

        var body = new byte[length];
        await stream.ReadExactlyAsync(body, cancellationToken);
        return (header, body);
    }

    private async Task WriteAsync(Stream stream, byte header, byte[] body)
    {
        var packet = new List<byte> { header };
        var length = body.Length;
        do
        {
            var digit = (byte)(length % 128);
            length /= 128;
            packet.Add(length > 0 ? (byte)(digit | 0x80) : digit);
        }
        while (length > 0);
        packet.AddRange(body);

        await _writeLock.WaitAsync();
        try
        {
            await stream.WriteAsync(packet.ToArray());
            await stream.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
