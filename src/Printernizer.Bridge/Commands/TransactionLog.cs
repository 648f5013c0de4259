namespace Printernizer.Bridge.Commands;

/// <summary>The recent transaction ids of one printer, so that a duplicate is never executed twice.</summary>
internal sealed class TransactionLog
{
    private readonly int _capacity;
    private readonly Queue<string> _order = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public TransactionLog(int capacity = 256)
    {
        _capacity = capacity;
    }

    /// <summary>Records the id; false when it was seen before.</summary>
    public bool TryAdd(string transaction)
    {
        lock (_seen)
        {
            if (!_seen.Add(transaction))
            {
                return false;
            }

            _order.Enqueue(transaction);
            if (_order.Count > _capacity)
            {
                _seen.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
