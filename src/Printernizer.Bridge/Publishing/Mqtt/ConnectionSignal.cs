namespace Printernizer.Bridge.Publishing.Mqtt;

/// <summary>Lets loops wait for "connected" or "disconnected" without polling.</summary>
internal sealed class ConnectionSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _connected = NewSource();
    private TaskCompletionSource _disconnected = NewSource();

    public bool IsConnected
    {
        get
        {
            lock (_gate)
            {
                return _connected.Task.IsCompleted;
            }
        }
    }

    /// <summary>
    /// Completes when the current connection ends (already complete while disconnected). A publish
    /// races its acknowledgement against this: MQTTnet can leave a PUBACK awaiter of a connection
    /// that died mid-send pending for good, which stalled the whole send queue.
    /// </summary>
    public Task CurrentSessionEnded
    {
        get
        {
            lock (_gate)
            {
                return _connected.Task.IsCompleted ? _disconnected.Task : Task.CompletedTask;
            }
        }
    }

    public void SetConnected()
    {
        lock (_gate)
        {
            if (_connected.Task.IsCompleted)
            {
                return;
            }

            _disconnected = NewSource();
            _connected.TrySetResult();
        }
    }

    public void SetDisconnected()
    {
        lock (_gate)
        {
            if (!_connected.Task.IsCompleted)
            {
                _disconnected.TrySetResult();
                return;
            }

            _connected = NewSource();
            _disconnected.TrySetResult();
        }
    }

    public Task WaitConnectedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _connected.Task.WaitAsync(cancellationToken);
        }
    }

    public Task WaitDisconnectedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _disconnected.Task.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
