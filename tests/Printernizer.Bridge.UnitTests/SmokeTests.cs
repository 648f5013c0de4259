namespace Printernizer.Bridge.UnitTests;

public sealed class SmokeTests
{
    [Fact]
    public void StatusWire_AllValues_AreLowerCase()
    {
        Assert.All(Domain.PrinterStatusExtensions.AllWireValues, v => Assert.Equal(v.ToLowerInvariant(), v));
    }
}
