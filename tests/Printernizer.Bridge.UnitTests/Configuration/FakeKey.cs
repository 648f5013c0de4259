namespace Printernizer.Bridge.UnitTests.Configuration;

/// <summary>One key a <see cref="FakePrinterType"/> reads, the way a real type would.</summary>
internal sealed record FakeKey(string Name, FakeKeyKind Kind, bool Required = false, int Min = int.MinValue, int Max = int.MaxValue)
{
    public TimeSpan? MinDuration { get; init; }
}
