using Printernizer.Bridge.Printers;
using Prometheus;

namespace Printernizer.Bridge.Observability;

/// <summary>
/// One printer's metrics and the connection facts behind <c>bridge/info</c>. Written from the
/// printer's loop and the command router, read by scrapes and the publisher: every field is a
/// single atomic value.
/// </summary>
internal sealed class PrinterMetrics : IPrinterMetrics
{
    private const long Never = long.MinValue;

    private readonly TimeProvider _time;
    private readonly PrinterCollectors? _collectors;
    private readonly Gauge.Child? _connected;
    private readonly Counter.Child? _reconnects;
    private readonly Gauge.Child? _age;
    private readonly Counter.Child? _received;
    private readonly Counter.Child? _updates;
    private readonly Histogram.Child? _poll;
    private long _lastMessageAt = Never;
    private long _connectedSince = Never;
    private long _receivedCount;
    private long _rejected;
    private long _reconnectCount;
    private long _commandsOk;
    private long _commandsFailed;
    private int _online;
    private int _everOnline;

    /// <param name="collectors">Null for a printer outside the configuration: counted for nobody.</param>
    public PrinterMetrics(string printerId, string type, PrinterCollectors? collectors, TimeProvider time)
    {
        PrinterId = printerId;
        Type = type;
        _time = time;
        _collectors = collectors;
        if (collectors is not null)
        {
            _connected = collectors.Connected.WithLabels(printerId, type);
            _reconnects = collectors.Reconnects.WithLabels(printerId, type);
            _age = collectors.LastMessageAge.WithLabels(printerId, type);
            _received = collectors.MessagesReceived.WithLabels(printerId, type);
            _updates = collectors.StateUpdates.WithLabels(printerId, type);
            _poll = collectors.PollDuration.WithLabels(printerId, type);
            _connected.Set(0);
            _age.Set(double.NaN);
        }
    }

    public string PrinterId { get; }

    public string Type { get; }

    public void MessageReceived()
    {
        Interlocked.Exchange(ref _lastMessageAt, _time.GetUtcNow().UtcTicks);
        Interlocked.Increment(ref _receivedCount);
        _received?.Inc();
    }

    public void InputRejected(string kind)
    {
        Interlocked.Increment(ref _rejected);
        _collectors?.Rejected.WithLabels(PrinterId, Type, kind).Inc();
    }

    public void PollCompleted(TimeSpan duration) => _poll?.Observe(duration.TotalSeconds);

    /// <summary>Every state the adapter reports passes here; a change of <c>online</c> is a connect or a loss.</summary>
    public void StateReported(bool online)
    {
        _updates?.Inc();
        var wasOnline = Interlocked.Exchange(ref _online, online ? 1 : 0) == 1;
        if (online && !wasOnline)
        {
            Interlocked.Exchange(ref _connectedSince, _time.GetUtcNow().UtcTicks);
            if (Interlocked.Exchange(ref _everOnline, 1) == 1)
            {
                Interlocked.Increment(ref _reconnectCount);
                _reconnects?.Inc();
            }
        }
        else if (!online && wasOnline)
        {
            Interlocked.Exchange(ref _connectedSince, Never);
        }

        _connected?.Set(online ? 1 : 0);
    }

    /// <param name="command">cancel, pause, resume or invalid: a fixed set, so the label cannot grow.</param>
    public void CommandAnswered(string command, bool ok)
    {
        Interlocked.Increment(ref ok ? ref _commandsOk : ref _commandsFailed);
        _collectors?.Commands.WithLabels(PrinterId, Type, command, ok ? "ok" : "error").Inc();
    }

    public void UpdateAge()
    {
        var last = Interlocked.Read(ref _lastMessageAt);
        _age?.Set(last == Never ? double.NaN : (_time.GetUtcNow().UtcTicks - last) / (double)TimeSpan.TicksPerSecond);
    }

    public PrinterDiagnostics Snapshot() => new(
        PrinterId,
        Type,
        Volatile.Read(ref _online) == 1,
        ToTime(Interlocked.Read(ref _connectedSince)),
        ToTime(Interlocked.Read(ref _lastMessageAt)),
        Interlocked.Read(ref _receivedCount),
        Interlocked.Read(ref _rejected),
        Interlocked.Read(ref _reconnectCount),
        Interlocked.Read(ref _commandsOk),
        Interlocked.Read(ref _commandsFailed));

    private static DateTimeOffset? ToTime(long ticks) => ticks == Never ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
}
