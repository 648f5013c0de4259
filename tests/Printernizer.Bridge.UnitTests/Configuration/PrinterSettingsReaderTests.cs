using Printernizer.Bridge.Configuration;
using YamlDotNet.RepresentationModel;

namespace Printernizer.Bridge.UnitTests.Configuration;

public sealed class PrinterSettingsReaderTests
{
    private readonly ConfigProblemList _problems = new("config.yaml");

    [Fact]
    public void Reads_PresentAndAbsentKeys_AreAllRecorded()
    {
        var reader = ReaderFor("serial: S1\nwatchdog: 2m\n");

        Assert.Equal("S1", reader.String("serial"));
        Assert.Equal(TimeSpan.FromMinutes(2), reader.Duration("watchdog"));
        Assert.Null(reader.Bool("tls_insecure"));
        Assert.Null(reader.Int("retries"));

        Assert.Equal(["retries", "serial", "tls_insecure", "watchdog"], reader.KeysRead.Order(StringComparer.Ordinal));
        Assert.False(_problems.Any);
    }

    [Theory]
    [InlineData(11, 0, 10, "an integer from 0 to 10")]
    [InlineData(3, 5, int.MaxValue, "an integer of at least 5")]
    [InlineData(3, int.MinValue, 2, "an integer of at most 2")]
    [InlineData(-1, 0, 10, "an integer from 0 to 10")]
    public void Int_OutOfRange_ReportsRange(int value, int min, int max, string expected)
    {
        var reader = ReaderFor($"first: x\nretries: {value}\n");

        Assert.Null(reader.Int("retries", min, max));

        var problem = Assert.Single(_problems.ToSortedList());
        Assert.Equal((2, "printers[0].retries", $"expected {expected}"), (problem.Line, problem.KeyPath, problem.Message));
    }

    [Fact]
    public void Int_InRange_ReturnsValue()
    {
        Assert.Equal(-3, ReaderFor("offset: -3\n").Int("offset", -5, 5));
        Assert.False(_problems.Any);
    }

    [Fact]
    public void Duration_AboveMaximum_ReportsRange()
    {
        var reader = ReaderFor("poll_idle: 2h\n");

        Assert.Null(reader.Duration("poll_idle", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10)));

        Assert.EndsWith("from 1s to 10m", Assert.Single(_problems.ToSortedList()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_AbsentKey_PointsAtTheEntryLine()
    {
        var reader = ReaderFor("a: 1\nb: 2\n", entryLine: 7);

        reader.Problem("api_key", "either password or api_key is needed");

        var problem = Assert.Single(_problems.ToSortedList());
        Assert.Equal((7, "printers[0].api_key"), (problem.Line, problem.KeyPath));
    }

    [Fact]
    public void String_RequiredButEmpty_IsReported()
    {
        var reader = ReaderFor("serial: \"\"\n");

        Assert.Null(reader.String("serial", required: true));

        Assert.Equal("must not be empty", Assert.Single(_problems.ToSortedList()).Message);
    }

    private PrinterSettingsReader ReaderFor(string yaml, int entryLine = 1)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var values = new ConfigValueReader(_problems, new VariableExpander(_ => null, Path.GetTempPath()));
        var section = new ConfigSection((YamlMappingNode)stream.Documents[0].RootNode, "printers[0]", entryLine, values);
        return new PrinterSettingsReader("x1c", section);
    }
}
