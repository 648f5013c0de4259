using static Printernizer.Bridge.UnitTests.Configuration.ConfigTestParsing;

namespace Printernizer.Bridge.UnitTests.Configuration;

public sealed class KeyProblemTests
{
    [Fact]
    public void Parse_TopLevelTypo_ReportsUnknownKeyWithSuggestion()
    {
        var problem = SingleProblem("""
            mqtt:
              url: embedded
            printrs: []
            """);

        AssertProblem(problem, 3, "printrs", "unknown key; did you mean 'printers'?");
    }

    [Fact]
    public void Parse_UnknownKeyInMqtt_ListsKnownKeysWhenNothingIsClose()
    {
        var problem = SingleProblem("""
            mqtt:
              url: embedded
              keepalive: 30
            """);

        AssertProblem(problem, 3, "mqtt.keepalive", "unknown key (known keys: base_topic, ca_file, client_id");
    }

    [Fact]
    public void Parse_TypoOfKeyThePrinterTypeReads_SuggestsThatKey()
    {
        var problems = Parse("""
            printers:
              - id: x1c
                type: bambu_lab
                host: 192.168.1.50
                serial: 00M00A000000000
                access_code: "12345678"
                whatchdog: 60s
            """).Problems;

        AssertProblem(Assert.Single(problems), 7, "printers[0].whatchdog", "did you mean 'watchdog'?");
    }

    [Fact]
    public void Parse_KeyOfAnotherPrinterType_IsUnknownForThisType()
    {
        var problem = SingleProblem("""
            printers:
              - id: mk4
                type: prusa
                host: 192.168.1.60
                serial: 00M00A000000000
            """);

        AssertProblem(problem, 5, "printers[0].serial", "unknown key");
    }

    [Fact]
    public void Parse_RequiredKeysMissing_ReportsEachAtTheEntryLine()
    {
        var problems = Parse("""
            control: true
            printers:
              - name: nameless
              - id: x1c
                type: bambu_lab
                host: 192.168.1.50
                access_code: "12345678"
            """).Problems;

        Assert.Equal(4, problems.Count);
        AssertProblem(problems[0], 3, "printers[0].id", "missing required key");
        AssertProblem(problems[1], 3, "printers[0].type", "missing required key");
        AssertProblem(problems[2], 3, "printers[0].host", "missing required key");
        AssertProblem(problems[3], 4, "printers[1].serial", "missing required key");
    }

    [Fact]
    public void Parse_RequiredKeyWithoutValue_SaysAValueIsRequired()
    {
        var problem = SingleProblem("""
            printers:
              - id: mk4
                type: prusa
                host:
            """);

        AssertProblem(problem, 4, "printers[0].host", "a value is required");
    }

    [Fact]
    public void Parse_DuplicatePrinterId_ReportsSecondWithFirstLine()
    {
        var problem = SingleProblem("""
            printers:
              - id: mk4
                type: prusa
                host: 192.168.1.60
              - id: mk4
                type: prusa
                host: 192.168.1.61
            """);

        AssertProblem(problem, 5, "printers[1].id", "duplicate printer id 'mk4' (first used at line 2)");
    }

    [Theory]
    [InlineData("MK4")]
    [InlineData("mk 4")]
    [InlineData("mk4.garage")]
    [InlineData("\"\"")]
    public void Parse_IdNotMatchingPattern_IsReported(string id)
    {
        var problem = SingleProblem($"""
            printers:
              - type: prusa
                host: 192.168.1.60
                id: {id}
            """);

        Assert.Equal(4, problem.Line);
        Assert.Equal("printers[0].id", problem.KeyPath);
    }

    [Fact]
    public void Parse_ReservedIdBridge_IsReported()
    {
        var problem = SingleProblem("""
            printers:
              - id: bridge
                type: prusa
                host: 192.168.1.60
            """);

        Assert.Equal(2, problem.Line);
        Assert.Equal("printers[0].id", problem.KeyPath);
        Assert.Contains("reserved", problem.Message);
    }

    [Fact]
    public void Parse_IdOf64Characters_IsAccepted()
    {
        var id = new string('a', 63) + "_";

        var config = ParseValid($"printers:\n  - id: {id}\n    type: prusa\n    host: h\n");

        Assert.Equal(id, Assert.Single(config.Printers).Id);
    }

    [Fact]
    public void Parse_UnknownPrinterType_ListsKnownTypesAndSkipsUnknownKeyCheck()
    {
        var problem = SingleProblem("""
            printers:
              - id: a1
                type: bambulab
                host: 192.168.1.70
                some_setting_of_that_type: 1
            """);

        AssertProblem(problem, 3, "printers[0].type", "unknown printer type 'bambulab' (did you mean 'bambu_lab'?); known types: bambu_lab, prusa");
    }

    [Fact]
    public void Parse_NoTypesRegistered_SaysSo()
    {
        var result = Parse("printers:\n  - id: a\n    type: prusa\n    host: h\n", registry: new([]));

        AssertProblem(Assert.Single(result.Problems), 3, "printers[0].type", "no printer types are available");
    }

    [Theory]
    [InlineData("http://192.168.1.60")]
    [InlineData("192.168.1.60:80")]
    [InlineData("printer.local/api")]
    [InlineData("bad host")]
    public void Parse_HostWithSchemePortOrPath_IsReported(string host)
    {
        var problem = SingleProblem($"printers:\n  - id: mk4\n    type: prusa\n    host: \"{host}\"\n");

        AssertProblem(problem, 4, "printers[0].host", "expected a host name or IP address");
    }

    [Fact]
    public void Parse_TypeReportsItsOwnProblem_UsesKeyLineAndPath()
    {
        var problem = SingleProblem("""
            printers:
              - id: x1c
                type: bambu_lab
                host: 192.168.1.50
                serial: 00M00A000000000
                access_code: "123"
            """);

        AssertProblem(problem, 6, "printers[0].access_code", "must be 8 characters");
    }
}
