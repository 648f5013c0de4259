using static Printernizer.Bridge.UnitTests.Configuration.ConfigTestParsing;

namespace Printernizer.Bridge.UnitTests.Configuration;

/// <summary><c>http.listen</c>, <c>log_format</c> and <c>log_level</c> as a mapping.</summary>
public sealed class ObservabilityConfigTests
{
    [Fact]
    public void Parse_NoHttpSection_HasNoListener()
    {
        Assert.Null(ParseValid("control: true\n").Http);
    }

    [Theory]
    [InlineData("127.0.0.1:9464", "127.0.0.1", 9464)]
    [InlineData("0.0.0.0:9100", "0.0.0.0", 9100)]
    [InlineData("\"[::1]:9464\"", "::1", 9464)]
    [InlineData("localhost:80", "localhost", 80)]
    public void Parse_HttpListen_IsHostAndPort(string listen, string host, int port)
    {
        var http = ParseValid($"http:\n  listen: {listen}\n").Http;

        Assert.NotNull(http);
        Assert.Equal((host, port), (http.Host, http.Port));
    }

    [Theory]
    [InlineData("9464")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:70000")]
    [InlineData("http://127.0.0.1:9464")]
    [InlineData("\"::1:9464\"")]
    [InlineData("bad host:9464")]
    public void Parse_HttpListenMalformed_IsReportedOnItsLine(string listen)
    {
        var problem = SingleProblem($"mqtt:\n  url: mqtt://localhost\nhttp:\n  listen: {listen}\n");

        AssertProblem(problem, 4, "http.listen", "expected host:port, e.g. 127.0.0.1:9464");
    }

    [Fact]
    public void Parse_HttpUnknownKey_IsReported()
    {
        var problem = SingleProblem("http:\n  listen: 127.0.0.1:9464\n  port: 1\n");

        AssertProblem(problem, 3, "http.port", "unknown key");
    }

    [Fact]
    public void Parse_LogLevelMapping_SetsDefaultAndComponentOverrides()
    {
        var config = ParseValid("log_level:\n  default: warning\n  Printers.Bambu: debug\n  MQTTnet: error\n");

        Assert.Equal("warning", config.LogLevel);
        Assert.NotNull(config.Logging);
        Assert.Equal("debug", config.Logging.Overrides["Printernizer.Bridge.Printers.Bambu"]);
        Assert.Equal("error", config.Logging.Overrides["MQTTnet"]);
        Assert.Equal(2, config.Logging.Overrides.Count);
    }

    [Fact]
    public void Parse_LogLevelMappingWithBadLevel_NamesComponentKey()
    {
        var problem = SingleProblem("log_level:\n  Printers.Prusa: loud\n");

        AssertProblem(problem, 2, "log_level.Printers.Prusa", "expected one of verbose, debug, information, warning, error");
    }

    [Fact]
    public void Parse_LogLevelMappingWithBadComponent_IsReported()
    {
        var problem = SingleProblem("log_level:\n  printers bambu: debug\n");

        AssertProblem(problem, 2, "log_level.printers bambu", "expected a component such as Printers.Bambu");
    }

    [Theory]
    [InlineData("json", true)]
    [InlineData("human", false)]
    [InlineData("JSON", true)]
    public void Parse_LogFormat_IsRead(string format, bool json)
    {
        Assert.Equal(json, ParseValid($"log_format: {format}\n").Logging!.Json);
    }

    [Fact]
    public void Parse_LogFormatUnknown_IsReported()
    {
        var problem = SingleProblem("log_format: xml\n");

        AssertProblem(problem, 1, "log_format", "expected one of human, json");
    }

    [Fact]
    public void Parse_FileSecretWithWrongType_ProblemNeverQuotesTheFileContent()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.PathOf("port"), "s3cr3t-value-in-file\n");

        var problem = SingleProblem($"printers:\n  - id: mk4\n    type: prusa\n    host: 192.168.1.60\n    port: ${{file:{dir.PathOf("port")}}}\n");

        AssertProblem(problem, 5, "printers[0].port", "expected an integer from 1 to 65535");
        Assert.DoesNotContain("s3cr3t", problem.ToString(), StringComparison.Ordinal);
    }
}
