using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Publishing;

namespace Printernizer.Bridge.UnitTests.Publishing;

public sealed class TemperatureDeadbandTests
{
    private static readonly DateTimeOffset Then = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);

    private static Temperatures Nozzle(double current, double? target = 220) =>
        new(new Temperature(current, target), new Temperature(60, 60), null);

    [Theory]
    [InlineData(220.0, 220.4, false)]
    [InlineData(220.0, 220.5, true)]
    [InlineData(220.0, 219.5, true)]
    [InlineData(220.0, 219.6, false)]
    public void ShouldPublish_SmallMove_OnlyAtHalfDegree(double before, double after, bool expected)
    {
        Assert.Equal(expected, TemperatureDeadband.ShouldPublish(Nozzle(before), Then, Nozzle(after), Then.AddSeconds(1)));
    }

    [Fact]
    public void ShouldPublish_TargetChanged_Publishes()
    {
        Assert.True(TemperatureDeadband.ShouldPublish(Nozzle(220, 220), Then, Nozzle(220, 230), Then.AddSeconds(1)));
    }

    [Fact]
    public void ShouldPublish_SmallDifferenceAfterRefreshInterval_Publishes()
    {
        Assert.False(TemperatureDeadband.ShouldPublish(Nozzle(220), Then, Nozzle(220.2), Then.AddSeconds(59)));
        Assert.True(TemperatureDeadband.ShouldPublish(Nozzle(220), Then, Nozzle(220.2), Then.AddSeconds(60)));
    }

    [Fact]
    public void ShouldPublish_Unchanged_NeverAfterInterval()
    {
        Assert.False(TemperatureDeadband.ShouldPublish(Nozzle(220), Then, Nozzle(220), Then.AddMinutes(10)));
    }

    [Fact]
    public void ShouldPublish_SensorAppears_Publishes()
    {
        var withChamber = Nozzle(220) with { Chamber = new Temperature(30, null) };

        Assert.True(TemperatureDeadband.ShouldPublish(Nozzle(220), Then, withChamber, Then));
        Assert.True(TemperatureDeadband.ShouldPublish(null, Then, withChamber, Then));
    }
}
