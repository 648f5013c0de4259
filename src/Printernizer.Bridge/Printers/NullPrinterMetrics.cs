namespace Printernizer.Bridge.Printers;

/// <summary>Metrics that go nowhere, for adapters built without a host (unit tests, harnesses).</summary>
internal sealed class NullPrinterMetrics : IPrinterMetrics
{
    public static NullPrinterMetrics Instance { get; } = new();

    public void MessageReceived()
    {
    }

    public void InputRejected(string kind)
    {
    }

    public void PollCompleted(TimeSpan duration)
    {
    }
}
