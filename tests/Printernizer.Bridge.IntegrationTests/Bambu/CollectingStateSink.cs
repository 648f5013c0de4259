using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Printers;

namespace Printernizer.Bridge.IntegrationTests.Bambu;

/// <summary>Records every reported state and lets a test wait for a condition with a generous timeout.</summary>
internal sealed class CollectingStateSink : IPrinterStateSink
{
    private readonly Lock _gate = new();
    private readonly List<PrinterState> _states = [];
    private readonly List<(Func<PrinterState, bool> Condition, TaskCompletionSource<PrinterState> Done)> _waiters = [];

    public IReadOnlyList<PrinterState> States
    {
        get { lock (_gate) { return _states.ToList(); } }
    }

    public void Report(PrinterState state)
    {
        lock (_gate)
        {
            _states.Add(state);
            foreach (var waiter in _waiters.Where(w => w.Condition(state)).ToList())
            {
                waiter.Done.TrySetResult(state);
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>The first state from now on (or the latest one already seen) that matches.</summary>
    public async Task<PrinterState> WaitForAsync(Func<PrinterState, bool> condition, string what, TimeSpan? timeout = null)
    {
        var done = new TaskCompletionSource<PrinterState>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_states.Count > 0 && condition(_states[^1]))
            {
                return _states[^1];
            }

            _waiters.Add((condition, done));
        }

        try
        {
            return await done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            var last = States.LastOrDefault();
            throw new TimeoutException($"no state with {what}; last: {last?.Status} online={last?.Online} error={last?.Error}");
        }
    }
}
