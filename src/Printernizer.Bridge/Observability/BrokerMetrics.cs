using Printernizer.Bridge.Publishing.Mqtt;
using Prometheus;

namespace Printernizer.Bridge.Observability;

/// <summary>The local broker connection: queue depth, publish latency, results.</summary>
internal sealed class BrokerMetrics : IBrokerMetrics
{
    private readonly Gauge _queued;
    private readonly Gauge _connected;
    private readonly Histogram _latency;
    private readonly Counter _published;
    private readonly Counter _dropped;
    private readonly Counter _connects;

    public BrokerMetrics(IMetricFactory factory)
    {
        _queued = factory.CreateGauge("printernizer_mqtt_queue_messages", "Messages waiting to be sent to the broker (including the one in flight).");
        _connected = factory.CreateGauge("printernizer_mqtt_connected", "1 while connected to the MQTT broker, else 0.");
        _latency = factory.CreateHistogram(
            "printernizer_mqtt_publish_duration_seconds",
            "Time from handing a message to the client until the broker acknowledged it.",
            new HistogramConfiguration { Buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
        _published = factory.CreateCounter("printernizer_mqtt_messages_published_total", "Messages the broker accepted.");
        _dropped = factory.CreateCounter("printernizer_mqtt_messages_dropped_total", "Messages given up after repeated failures or rejected by the broker.");
        _connects = factory.CreateCounter("printernizer_mqtt_connects_total", "Successful connects to the broker (the first one included).");
    }

    public void Queued() => _queued.Inc();

    public void Dequeued() => _queued.Dec();

    public void Published(TimeSpan duration)
    {
        _published.Inc();
        _latency.Observe(duration.TotalSeconds);
    }

    public void Dropped() => _dropped.Inc();

    public void ConnectionChanged(bool connected)
    {
        _connected.Set(connected ? 1 : 0);
        if (connected)
        {
            _connects.Inc();
        }
    }
}
