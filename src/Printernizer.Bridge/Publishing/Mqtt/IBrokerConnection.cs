namespace Printernizer.Bridge.Publishing.Mqtt;

/// <summary>The bridge's one connection to the local broker.</summary>
internal interface IBrokerConnection
{
    bool IsConnected { get; }

    /// <summary>Queues a message; it is sent in order once connected, so nothing is lost during an outage.</summary>
    void Enqueue(OutgoingMessage message);

    /// <summary>Adds a subscription that lasts for the bridge's life and is replayed after every reconnect.</summary>
    void Subscribe(string topicFilter, Func<IncomingMessage, ValueTask> handler);

    /// <summary>
    /// Called after every successful connect (and subscription replay), from the connection loop.
    /// Handlers may enqueue and may call <see cref="CollectRetainedAsync"/>.
    /// </summary>
    void OnConnected(Func<CancellationToken, Task> handler);

    /// <summary>Subscribes for <paramref name="window"/>, returns the retained messages seen, then unsubscribes.</summary>
    Task<IReadOnlyList<IncomingMessage>> CollectRetainedAsync(string topicFilter, TimeSpan window, CancellationToken cancellationToken);
}
