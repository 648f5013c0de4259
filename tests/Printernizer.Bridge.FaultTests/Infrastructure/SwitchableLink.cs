using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Printernizer.Bridge.FaultTests.Infrastructure;

/// <summary>
/// A loopback forwarder in front of one printer that a test can switch to "unreachable": then
/// every connection is reset at once and the attempt is recorded with its time, so a test can
/// count reconnect attempts and see how they are spread.
/// </summary>
internal sealed class SwitchableLink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly Stopwatch _clock;
    private readonly List<TcpClient> _open = [];
    private readonly List<TimeSpan> _refused = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private volatile bool _down;

    public SwitchableLink(int targetPort, Stopwatch clock)
    {
        _targetPort = targetPort;
        _clock = clock;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>When each connection attempt was refused, on the shared clock.</summary>
    public IReadOnlyList<TimeSpan> RefusedAttempts
    {
        get
        {
            lock (_refused)
            {
                return _refused.ToArray();
            }
        }
    }

    public void GoDown()
    {
        _down = true;
        lock (_open)
        {
            _open.ForEach(Reset);
            _open.Clear();
        }
    }

    public void ComeBack() => _down = false;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        GoDown();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private static void Reset(TcpClient client)
    {
        try
        {
            if (client.Client is { } socket)
            {
                socket.LingerState = new LingerOption(true, 0);
            }

            client.Close();
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            if (_down)
            {
                lock (_refused)
                {
                    _refused.Add(_clock.Elapsed);
                }

                Reset(client);
                continue;
            }

            var upstream = new TcpClient();
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            }
            catch (SocketException)
            {
                Reset(client);
                upstream.Dispose();
                continue;
            }

            lock (_open)
            {
                _open.Add(client);
                _open.Add(upstream);
            }

            _ = PumpAsync(client, upstream);
            _ = PumpAsync(upstream, client);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        var buffer = new byte[16384];
        try
        {
            int read;
            while ((read = await from.GetStream().ReadAsync(buffer)) > 0)
            {
                await to.GetStream().WriteAsync(buffer.AsMemory(0, read));
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
        }

        Reset(from);
        Reset(to);
    }
}
