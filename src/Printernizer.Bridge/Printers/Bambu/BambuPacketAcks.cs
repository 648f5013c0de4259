using System.Collections.Concurrent;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// The packet identifiers a Bambu session waits on (its SUBSCRIBE and its QoS 1 command
/// publishes), completed by the receive loop when the printer's SUBACK or PUBACK arrives.
/// </summary>
internal sealed class BambuPacketAcks
{
    private readonly ConcurrentDictionary<ushort, TaskCompletionSource> _pending = new();
    private int _last;
    private Exception? _closed;

    /// <summary>A fresh identifier (1–65535, never 0) and the task its acknowledgement completes.</summary>
    public (ushort Id, Task Acknowledged) Register()
    {
        while (true)
        {
            var id = (ushort)((uint)Interlocked.Increment(ref _last) % ushort.MaxValue + 1);
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_pending.TryAdd(id, waiter))
            {
                continue;
            }

            // Closed between the check and the add: fail it here, as Close would have.
            if (Volatile.Read(ref _closed) is { } closed && _pending.TryRemove(id, out _))
            {
                waiter.TrySetException(closed);
            }

            return (id, waiter.Task);
        }
    }

    public void Forget(ushort id) => _pending.TryRemove(id, out _);

    /// <summary>An acknowledgement for an identifier nobody waits on (late, or after a timeout) is ignored.</summary>
    public void Acknowledge(ushort id)
    {
        if (_pending.TryRemove(id, out var waiter))
        {
            waiter.TrySetResult();
        }
    }

    /// <summary>Fails every waiter, and every later one: the connection is gone.</summary>
    public void Close(Exception reason)
    {
        Volatile.Write(ref _closed, reason);
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var waiter))
            {
                waiter.TrySetException(reason);
            }
        }
    }
}
