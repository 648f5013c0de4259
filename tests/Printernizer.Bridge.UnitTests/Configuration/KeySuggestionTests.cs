using Printernizer.Bridge.Configuration;

namespace Printernizer.Bridge.UnitTests.Configuration;

public sealed class KeySuggestionTests
{
    private static readonly string[] Keys = ["id", "name", "type", "host", "port", "access_code", "serial"];

    [Theory]
    [InlineData("acess_code", "access_code")]
    [InlineData("hsot", "host")]
    [InlineData("Host", "host")]
    [InlineData("serail", "serial")]
    [InlineData("prot", "port")]
    public void Closest_LikelyTypo_SuggestsKey(string typo, string expected)
    {
        Assert.Equal(expected, KeySuggestion.Closest(typo, Keys));
    }

    [Theory]
    [InlineData("keepalive")]
    [InlineData("xy")]
    [InlineData("password")]
    public void Closest_NothingClose_GivesNull(string word)
    {
        Assert.Null(KeySuggestion.Closest(word, Keys));
    }

    [Theory]
    [InlineData("abc", "abc", 0)]
    [InlineData("abc", "acb", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Distance_Pairs_CountsEdits(string a, string b, int expected)
    {
        Assert.Equal(expected, KeySuggestion.Distance(a, b));
    }
}
