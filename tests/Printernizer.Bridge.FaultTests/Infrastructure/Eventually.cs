using System.Diagnostics;

namespace Printernizer.Bridge.FaultTests.Infrastructure;

/// <summary>Waits for a condition with a generous timeout: the machine is shared, only the outcome counts.</summary>
internal static class Eventually
{
    public static async Task<TimeSpan> WaitAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (watch.Elapsed > limit)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:0} s waiting for {what}");
            }

            await Task.Delay(50);
        }

        return watch.Elapsed;
    }

    public static async Task<TimeSpan> WaitAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            if (watch.Elapsed > limit)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:0} s waiting for {what}");
            }

            await Task.Delay(100);
        }

        return watch.Elapsed;
    }
}
