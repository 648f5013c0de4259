using static Printernizer.Bridge.UnitTests.Configuration.ConfigTestParsing;

namespace Printernizer.Bridge.UnitTests.Configuration;

public sealed class YamlProblemTests
{
    [Fact]
    public void Parse_SyntaxError_GivesOneProblemWithItsLine()
    {
        var problem = SingleProblem("""
            mqtt:
              url: embedded
            printers:
              - id: mk4
                 type: prusa
            """);

        Assert.Equal(5, problem.Line);
        Assert.Equal(string.Empty, problem.KeyPath);
        Assert.StartsWith("YAML syntax error: ", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Line:", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnclosedQuote_IsSyntaxError()
    {
        var problem = SingleProblem("printers: []\nstate_dir: \"abc\ncontrol: true\n");

        Assert.StartsWith("YAML syntax error", problem.Message, StringComparison.Ordinal);
        Assert.Equal("config.yaml", problem.File);
        Assert.InRange(problem.Line, 2, 4);
    }

    [Fact]
    public void Parse_UnclosedFlowSequence_IsSyntaxErrorNotCrash()
    {
        var problem = SingleProblem("printers: []\nstate_dir: [a, b\ncontrol: true\n");

        Assert.StartsWith("YAML syntax error", problem.Message, StringComparison.Ordinal);
        Assert.InRange(problem.Line, 2, 3);
    }

    [Fact]
    public void Parse_TabIndentation_IsSyntaxError()
    {
        var problem = SingleProblem("printers:\n\t- id: a\n");

        Assert.Equal(2, problem.Line);
        Assert.StartsWith("YAML syntax error", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateKey_ReportedWithBothLinesAndOtherProblemsStillFound()
    {
        var result = Parse("""
            mqtt:
              url: embedded
              url: mqtt://other
            printers: []
            control: maybe
            """);

        Assert.Collection(
            result.Problems,
            p => AssertProblem(p, 3, "mqtt.url", "duplicate key (first defined at line 2)"),
            p => AssertProblem(p, 5, "control", "expected true or false"));
    }

    [Fact]
    public void Parse_DuplicateKeyInsidePrinterEntry_KeepsFirstValue()
    {
        var result = Parse("""
            printers:
              - id: mk4
                type: prusa
                host: 192.168.1.60
                host:
                  nested: value
              - id: mk3
                type: prusa
                host: 192.168.1.61
                id: other
            """);

        Assert.Collection(
            result.Problems,
            p => AssertProblem(p, 5, "printers[0].host", "duplicate key (first defined at line 4)"),
            p => AssertProblem(p, 10, "printers[1].id", "duplicate key (first defined at line 7)"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    public void Parse_EmptyDocument_SaysTheFileIsEmpty(string text)
    {
        var problem = SingleProblem(text);

        Assert.Equal("config.yaml: the file is empty; it needs at least an mqtt: section or a printers: list", problem.ToString());
    }

    [Fact]
    public void Parse_RootIsAList_IsReported()
    {
        AssertProblem(SingleProblem("- mqtt\n- printers\n"), 1, string.Empty, "expected a mapping with the keys mqtt, printers");
    }

    [Fact]
    public void Parse_TwoDocuments_ReportsTheSecond()
    {
        AssertProblem(SingleProblem("printers: []\n---\ncontrol: true\n"), 3, string.Empty, "only one YAML document is allowed");
    }

    [Fact]
    public void Parse_UndefinedAlias_IsReportedWithLine()
    {
        var problem = SingleProblem("printers: []\nstate_dir: *nowhere\n");

        AssertProblem(problem, 2, "state_dir", "alias *nowhere has no anchor &nowhere before it");
    }

    [Fact]
    public void Parse_AnchorsAndAliases_AreResolved()
    {
        var config = ParseValid("""
            mqtt:
              client_id: &name shared-name
              base_topic: *name
            """);

        Assert.Equal("shared-name", config.Mqtt.BaseTopic);
    }
}
