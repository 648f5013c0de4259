namespace Printernizer.Bridge.Publishing.Mqtt;

/// <summary>What the broker connection reports to the metrics; every call is a counter or gauge step.</summary>
internal interface IBrokerMetrics
{
    void Queued();

    void Dequeued();

    void Published(TimeSpan duration);

    void Dropped();

    void ConnectionChanged(bool connected);
}
