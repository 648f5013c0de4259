using static Printernizer.Bridge.UnitTests.Configuration.ConfigTestParsing;

namespace Printernizer.Bridge.UnitTests.Configuration;

public sealed class MqttProblemTests
{
    [Theory]
    [InlineData("http://broker:1883", "unsupported scheme 'http'")]
    [InlineData("broker:1883", "expected mqtt://host[:port]")]
    [InlineData("mqtt://broker/topic", "no path, query or fragment")]
    [InlineData("mqtt://broker?x=1", "no path, query or fragment")]
    [InlineData("mqtt://", "host is missing")]
    [InlineData("mqtt://bro ker", "not a valid host name")]
    [InlineData("mqtt://broker:0", "port must be an integer from 1 to 65535")]
    [InlineData("mqtt://broker:65536", "port must be an integer from 1 to 65535")]
    [InlineData("mqtts://broker:tls", "port must be an integer from 1 to 65535")]
    public void Parse_BadUrl_IsReportedAtUrlLine(string url, string messagePart)
    {
        var problem = SingleProblem($"printers: []\nmqtt:\n  url: \"{url}\"\n");

        AssertProblem(problem, 3, "mqtt.url", messagePart);
    }

    [Fact]
    public void Parse_CredentialsInUrl_RefusedWithoutEchoingThem()
    {
        var problem = SingleProblem("mqtt:\n  url: mqtt://bridge:s3cr3t-pw@broker:1883\n");

        AssertProblem(problem, 2, "mqtt.url", "set mqtt.username and mqtt.password instead");
        Assert.DoesNotContain("s3cr3t-pw", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CaFileWithPlainMqtt_IsReported()
    {
        var problem = SingleProblem("mqtt:\n  url: mqtt://broker\n  ca_file: ca.pem\n");

        AssertProblem(problem, 3, "mqtt.ca_file", "only applies to mqtts:// URLs");
    }

    [Fact]
    public void Parse_CaFileMissing_NamesTheResolvedPath()
    {
        using var dir = new TempDirectory();
        var configFile = dir.PathOf("config.yaml");

        var result = Parse("mqtt:\n  url: mqtts://broker\n  ca_file: missing-ca.pem\n", fileName: configFile);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((configFile, 3, "mqtt.ca_file"), (problem.File, problem.Line, problem.KeyPath));
        Assert.Equal($"file {dir.PathOf("missing-ca.pem")} does not exist", problem.Message);
    }

    [Fact]
    public void Parse_CaFileRelativeToConfigFile_IsResolvedToFullPath()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.PathOf("ca.pem"), "-----BEGIN CERTIFICATE-----");

        var result = Parse("mqtt:\n  url: mqtts://broker\n  ca_file: ca.pem\n", fileName: dir.PathOf("config.yaml"));

        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        Assert.Equal(dir.PathOf("ca.pem"), result.Config.Mqtt.CaFile);
    }

    [Theory]
    [InlineData("base_topic", "printers/#", "must not contain the MQTT wildcards + or #")]
    [InlineData("base_topic", "home/+/x", "must not contain the MQTT wildcards + or #")]
    [InlineData("base_topic", "/printernizer", "must not start or end with /")]
    [InlineData("base_topic", "printernizer/", "must not start or end with /")]
    [InlineData("base_topic", "a//b", "must not contain an empty level")]
    [InlineData("discovery_prefix", "\"\"", "must not be empty")]
    [InlineData("client_id", "\"\"", "must not be empty")]
    public void Parse_BadTopicOrClientId_IsReported(string key, string value, string message)
    {
        var problem = SingleProblem($"mqtt:\n  url: embedded\n  {key}: {value}\n");

        AssertProblem(problem, 3, $"mqtt.{key}", message);
    }
}
