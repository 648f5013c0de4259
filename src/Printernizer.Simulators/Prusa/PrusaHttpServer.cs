using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Printernizer.Simulators.Prusa;

/// <summary>
/// A minimal HTTP/1.1 keep-alive server on <see cref="TcpListener"/>. Hand-written rather than
/// Kestrel because the simulator needs what the firmware does per connection: a fixed number of
/// slots, connection ids for the request log, and dropping a connection without an answer.
/// </summary>
internal sealed class PrusaHttpServer : IAsyncDisposable
{
    /// <summary>Answers one request; null drops the connection without a response.</summary>
    public delegate Task<PrusaHttpResponse?> Handler(PrusaHttpRequest request, CancellationToken cancellationToken);

    private readonly IPAddress _address;
    private readonly int _slots;
    private readonly TimeSpan _idleTimeout;
    private readonly TimeProvider _time;
    private readonly Handler _handler;
    private readonly ConcurrentDictionary<int, TcpClient> _connections = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private Task _acceptLoop = Task.CompletedTask;
    private int _nextConnectionId;
    private int _active;
    private int _maxActive;

    public PrusaHttpServer(IPAddress address, int slots, TimeSpan idleTimeout, TimeProvider time, Handler handler)
    {
        _address = address;
        _slots = slots;
        _idleTimeout = idleTimeout;
        _time = time;
        _handler = handler;
    }

    public int Port { get; private set; }

    /// <summary>The most connections that were open at the same time.</summary>
    public int MaxConcurrentConnections => Volatile.Read(ref _maxActive);

    /// <summary>Connections open right now.</summary>
    public int OpenConnections => _connections.Count;

    public void Start(int port)
    {
        var listener = new TcpListener(_address, port);
        // Restarting on the same port must work while old connections sit in TIME_WAIT.
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _stop = new CancellationTokenSource();
        _acceptLoop = AcceptLoopAsync(listener, _stop.Token);
    }

    public async Task StopAsync()
    {
        if (_stop is null)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _listener?.Stop();
        foreach (var connection in _connections.Values)
        {
            connection.Dispose();
        }

        await _acceptLoop.ConfigureAwait(false);
        _stop.Dispose();
        _stop = null;
        _listener = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        var connections = new List<Task>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
                connections.RemoveAll(t => t.IsCompleted);
                connections.Add(ServeAsync(client, Interlocked.Increment(ref _nextConnectionId), cancellationToken));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        await Task.WhenAll(connections).ConfigureAwait(false);
    }

    private async Task ServeAsync(TcpClient client, int id, CancellationToken cancellationToken)
    {
        using (client)
        {
            var active = Interlocked.Increment(ref _active);
            try
            {
                if (active > _slots)
                {
                    // All slots taken: the firmware does not take the connection.
                    return;
                }

                UpdateMax(active);
                _connections[id] = client;
                client.NoDelay = true;
                await ServeRequestsAsync(client.GetStream(), id, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidDataException)
            {
                // The client went away, the server stopped, or the request was garbage: close.
            }
            finally
            {
                _connections.TryRemove(id, out _);
                Interlocked.Decrement(ref _active);
            }
        }
    }

    private async Task ServeRequestsAsync(NetworkStream stream, int id, CancellationToken cancellationToken)
    {
        var reader = new PrusaHttpRequestReader(stream, id);
        while (true)
        {
            PrusaHttpRequest? request;
            using (var idle = new CancellationTokenSource(_idleTimeout, _time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token))
            {
                request = await reader.ReadAsync(linked.Token).ConfigureAwait(false);
            }

            if (request is null)
            {
                return;
            }

            var response = await _handler(request, cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                return;
            }

            await WriteAsync(stream, response, cancellationToken).ConfigureAwait(false);
            if (response.Close || string.Equals(request.Header("Connection"), "close", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }
    }

    private static async Task WriteAsync(NetworkStream stream, PrusaHttpResponse response, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        head.Append("HTTP/1.1 ").Append(response.Status).Append(' ').Append(PrusaHttpResponse.Reason(response.Status)).Append("\r\n");
        if (response.Status is not (204 or 304))
        {
            head.Append("Content-Length: ").Append(response.Body.Length).Append("\r\n");
        }

        if (response.ContentType is not null)
        {
            head.Append("Content-Type: ").Append(response.ContentType).Append("\r\n");
        }

        foreach (var (name, value) in response.Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("Connection: ").Append(response.Close ? "close" : "keep-alive").Append("\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken).ConfigureAwait(false);
        if (response.Status is not (204 or 304) && response.Body.Length > 0)
        {
            await stream.WriteAsync(response.Body, cancellationToken).ConfigureAwait(false);
        }
    }

    private void UpdateMax(int active)
    {
        int seen;
        while (active > (seen = Volatile.Read(ref _maxActive)) && Interlocked.CompareExchange(ref _maxActive, active, seen) != seen)
        {
        }
    }
}
