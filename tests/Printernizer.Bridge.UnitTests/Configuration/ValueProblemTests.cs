using static Printernizer.Bridge.UnitTests.Configuration.ConfigTestParsing;

namespace Printernizer.Bridge.UnitTests.Configuration;

public sealed class ValueProblemTests
{
    private const string Printer = """
        printers:
          - id: mk4
            type: prusa
            host: 192.168.1.60

        """;

    [Fact]
    public void Parse_PortOutOfRange_MatchesTheDocumentedLine()
    {
        var problem = SingleProblem("""
            printers:
              - id: mk4
                type: prusa
                host: 192.168.1.60
              - id: mk3
                type: prusa
                host: 192.168.1.61
                port: 70000
            """);

        Assert.Equal("config.yaml:8: printers[1].port: expected an integer from 1 to 65535", problem.ToString());
    }

    [Theory]
    [InlineData("port: 0")]
    [InlineData("port: http")]
    [InlineData("port: 80.5")]
    public void Parse_PortNotAnIntegerInRange_IsReported(string line)
    {
        var problem = SingleProblem(Printer + "    " + line + "\n");

        AssertProblem(problem, 5, "printers[0].port", "expected an integer from 1 to 65535");
    }

    [Fact]
    public void Parse_MappingWhereStringExpected_IsTypeError()
    {
        var problem = SingleProblem(Printer + "    name:\n      first: a\n");

        AssertProblem(problem, 5, "printers[0].name", "expected a string, found a mapping");
    }

    [Fact]
    public void Parse_ListWhereStringExpected_IsTypeError()
    {
        var problem = SingleProblem("state_dir: [a, b]\n");

        AssertProblem(problem, 1, "state_dir", "expected a string, found a list");
    }

    [Theory]
    [InlineData("on")]
    [InlineData("1")]
    [InlineData("enabled")]
    public void Parse_NotABool_IsTypeError(string value)
    {
        var problem = SingleProblem($"printers: []\ncontrol: {value}\n");

        AssertProblem(problem, 2, "control", "expected true or false");
    }

    [Theory]
    [InlineData("TRUE", true)]
    [InlineData("Yes", true)]
    [InlineData("no", false)]
    [InlineData("False", false)]
    public void Parse_BoolSpellings_AreAccepted(string value, bool expected)
    {
        Assert.Equal(expected, ParseValid($"control: {value}\n").Control);
    }

    [Theory]
    [InlineData("poll_idle: fast")]
    [InlineData("poll_idle: 1.5s")]
    [InlineData("poll_idle: 10d")]
    [InlineData("poll_idle: -5s")]
    public void Parse_NotADuration_IsTypeError(string line)
    {
        var problem = SingleProblem(Printer + "    " + line + "\n");

        AssertProblem(problem, 5, "printers[0].poll_idle", "expected a duration such as 90 (seconds), 500ms, 60s, 5m or 1h");
    }

    [Fact]
    public void Parse_DurationBelowTypeMinimum_NamesTheMinimum()
    {
        var problem = SingleProblem("""
            printers:
              - id: x1c
                type: bambu_lab
                host: 192.168.1.50
                serial: S
                access_code: "12345678"
                watchdog: 500ms
            """);

        AssertProblem(problem, 7, "printers[0].watchdog", "at least 5s");
    }

    [Fact]
    public void Parse_PrintersNotAList_IsTypeError()
    {
        var problem = SingleProblem("printers:\n  id: mk4\n");

        AssertProblem(problem, 1, "printers", "expected a list of printers");
    }

    [Fact]
    public void Parse_PrinterEntryNotAMapping_IsTypeError()
    {
        var problem = SingleProblem("printers:\n  - mk4\n");

        AssertProblem(problem, 2, "printers[0]", "expected a mapping with id, type and host, found a value");
    }

    [Fact]
    public void Parse_MqttNotAMapping_IsTypeError()
    {
        var problem = SingleProblem("printers: []\nmqtt: mqtt://localhost\n");

        AssertProblem(problem, 2, "mqtt", "expected a mapping, found a value");
    }

    [Fact]
    public void Parse_UnknownLogLevel_ListsLevelsAndSuggestsClosest()
    {
        var problem = SingleProblem("log_level: informaton\n");

        AssertProblem(problem, 1, "log_level", "expected one of verbose, debug, information, warning, error (did you mean 'information'?)");
    }

    [Fact]
    public void Parse_EmptyStateDir_IsReported()
    {
        AssertProblem(SingleProblem("state_dir: \"\"\n"), 1, "state_dir", "must not be empty");
    }
}
