using MQTTnet;

namespace Printernizer.Bridge.Publishing.Mqtt;

/// <summary>The bridge's permanent subscriptions and short-lived retained-message collectors, thread-safe.</summary>
internal sealed class SubscriptionTable
{
    private readonly Lock _gate = new();
    private readonly List<(string Filter, Func<IncomingMessage, ValueTask> Handler)> _permanent = [];
    private readonly List<Collector> _collectors = [];

    public IReadOnlyCollection<string> PermanentFilters
    {
        get
        {
            lock (_gate)
            {
                return _permanent.Select(p => p.Filter).Distinct(StringComparer.Ordinal).ToArray();
            }
        }
    }

    public void Add(string filter, Func<IncomingMessage, ValueTask> handler)
    {
        lock (_gate)
        {
            _permanent.Add((filter, handler));
        }
    }

    public bool IsPermanent(string filter)
    {
        lock (_gate)
        {
            return _permanent.Exists(p => p.Filter == filter);
        }
    }

    public Collector StartCollecting(string filter)
    {
        var collector = new Collector(this, filter);
        lock (_gate)
        {
            _collectors.Add(collector);
        }

        return collector;
    }

    /// <summary>Hands the message to matching collectors and returns the matching permanent handlers.</summary>
    public IReadOnlyList<Func<IncomingMessage, ValueTask>> Match(IncomingMessage message)
    {
        lock (_gate)
        {
            foreach (var collector in _collectors)
            {
                if (Matches(message.Topic, collector.Filter))
                {
                    collector.Add(message);
                }
            }

            return _permanent.Where(p => Matches(message.Topic, p.Filter)).Select(p => p.Handler).ToArray();
        }
    }

    private static bool Matches(string topic, string filter) =>
        MqttTopicFilterComparer.Compare(topic, filter) == MqttTopicFilterCompareResult.IsMatch;

    private void Remove(Collector collector)
    {
        lock (_gate)
        {
            _collectors.Remove(collector);
        }
    }

    /// <summary>Collects messages for one filter until disposed.</summary>
    internal sealed class Collector : IDisposable
    {
        private readonly SubscriptionTable _owner;
        private readonly List<IncomingMessage> _messages = [];

        public Collector(SubscriptionTable owner, string filter)
        {
            _owner = owner;
            Filter = filter;
        }

        public string Filter { get; }

        public IReadOnlyList<IncomingMessage> Messages
        {
            get
            {
                lock (_messages)
                {
                    return _messages.ToArray();
                }
            }
        }

        public void Add(IncomingMessage message)
        {
            lock (_messages)
            {
                _messages.Add(message);
            }
        }

        public void Dispose() => _owner.Remove(this);
    }
}
