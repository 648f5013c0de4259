namespace Printernizer.Bridge.IntegrationTests.Infrastructure;

/// <summary>Waits for a condition that something else makes true (a counter, a connection state), checking every 50 ms.</summary>
internal static class Poll
{
    /// <exception cref="TimeoutException">The condition still did not hold after <paramref name="timeout"/>.</exception>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what = "the condition")
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"gave up waiting for {what} after {timeout.TotalSeconds:0} s");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }
}
