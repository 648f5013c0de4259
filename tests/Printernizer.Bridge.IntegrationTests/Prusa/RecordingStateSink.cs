using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Printers;

namespace Printernizer.Bridge.IntegrationTests.Prusa;

/// <summary>Keeps every reported state; tests wait for conditions instead of sleeping.</summary>
internal sealed class RecordingStateSink : IPrinterStateSink
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private readonly List<PrinterState> _states = [];

    public IReadOnlyList<PrinterState> States
    {
        get
        {
            lock (_lock)
            {
                return _states.ToArray();
            }
        }
    }

    /// <summary>Position of this very report (by reference: equal states may repeat).</summary>
    public int IndexOf(PrinterState state)
    {
        lock (_lock)
        {
            return _states.FindIndex(s => ReferenceEquals(s, state));
        }
    }

    public void Report(PrinterState state)
    {
        lock (_lock)
        {
            _states.Add(state);
        }
    }

    /// <summary>The first state from index <paramref name="from"/> on that satisfies <paramref name="predicate"/>.</summary>
    public async Task<PrinterState> WaitForAsync(Func<PrinterState, bool> predicate, int from = 0, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            var match = States.Skip(from).FirstOrDefault(predicate);
            if (match is not null)
            {
                return match;
            }

            try
            {
                await Task.Delay(20, cts.Token);
            }
            catch (OperationCanceledException)
            {
                var last = States.LastOrDefault();
                throw new TimeoutException($"condition not met; {States.Count} states, last: {last?.Status} online={last?.Online} error={last?.Error}");
            }
        }
    }
}
