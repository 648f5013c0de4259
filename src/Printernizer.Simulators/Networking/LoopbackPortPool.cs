using System.Net;
using System.Net.Sockets;

namespace Printernizer.Simulators.Networking;

/// <summary>
/// Hands out loopback ports from <c>[start, end)</c> in blocks; a lock file per block in <c>lockDirectory</c>
/// keeps every other pool (in this process or another) out of the blocks this pool holds until it is disposed.
/// </summary>
internal sealed class LoopbackPortPool : IDisposable
{
    public const int BlockSize = 32;

    private readonly int _start;
    private readonly int _blocks;
    private readonly string _lockDirectory;
    private readonly Lock _gate = new();
    private readonly List<FileStream> _heldBlocks = [];
    private int _next;
    private int _blockEnd;

    public LoopbackPortPool(int start, int end, string lockDirectory)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(end - start, BlockSize);
        (_start, _blocks, _lockDirectory) = (start, (end - start) / BlockSize, lockDirectory);
    }

    /// <summary>A port that is free now and never handed out again by this or another pool while this one lives; null when every block is taken.</summary>
    public int? TryReserve()
    {
        lock (_gate)
        {
            while (true)
            {
                if (_next >= _blockEnd && !TakeBlock())
                {
                    return null;
                }

                var port = _next++;
                if (IsFree(port))
                {
                    return port;
                }
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _heldBlocks.ForEach(block => block.Dispose());
            _heldBlocks.Clear();
            _blockEnd = _next;
        }
    }

    private bool TakeBlock()
    {
        try
        {
            Directory.CreateDirectory(_lockDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        var first = Random.Shared.Next(_blocks);
        for (var i = 0; i < _blocks; i++)
        {
            var start = _start + ((first + i) % _blocks * BlockSize);
            try
            {
                // FileShare.None takes an exclusive flock on Unix; the kernel drops it when the process ends.
                var held = new FileStream(Path.Combine(_lockDirectory, $"{start}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                _heldBlocks.Add(held);
                (_next, _blockEnd) = (start, start + BlockSize);
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Held by another pool, or a file of another user's: not ours to take.
            }
        }

        return false;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
