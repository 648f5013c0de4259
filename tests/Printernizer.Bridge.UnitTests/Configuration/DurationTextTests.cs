using Printernizer.Bridge.Configuration;

namespace Printernizer.Bridge.UnitTests.Configuration;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("90", 90_000)]
    [InlineData("0", 0)]
    [InlineData("500ms", 500)]
    [InlineData("60s", 60_000)]
    [InlineData("5m", 300_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1h2m3s4ms", 3_723_004)]
    [InlineData(" 2S ", 2_000)]
    public void TryParse_ValidText_GivesDuration(string text, long milliseconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("1.5s")]
    [InlineData("-1s")]
    [InlineData("1m30")]
    [InlineData("5 m")]
    [InlineData("3d")]
    [InlineData("1234567890")]
    public void TryParse_InvalidText_Fails(string text)
    {
        Assert.False(DurationText.TryParse(text, out _));
    }

    [Theory]
    [InlineData(500, "500ms")]
    [InlineData(1_500, "1500ms")]
    [InlineData(0, "0s")]
    [InlineData(90_000, "90s")]
    [InlineData(300_000, "5m")]
    [InlineData(7_200_000, "2h")]
    public void Format_Duration_GivesShortestExactText(long milliseconds, string expected)
    {
        Assert.Equal(expected, DurationText.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }
}
