using static Printernizer.Bridge.UnitTests.Configuration.ConfigTestParsing;

namespace Printernizer.Bridge.UnitTests.Configuration;

public sealed class SecretHygieneTests
{
    private const string AccessCode = "Zx81Qw7v";
    private const string Password = "correct-horse-battery";

    [Fact]
    public void Parse_ManyProblemsAroundSecrets_NeverEchoesASecretValue()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.PathOf("token"), Password + "\n");
        var env = new Dictionary<string, string> { ["CODE"] = AccessCode, ["PW"] = Password };

        var result = Parse(
            $$"""
            mqtt:
              url: mqtt://user:{{Password}}@broker
              password:
                nested: {{Password}}
              token: ${PW}
            printers:
              - id: x1c
                type: bambu_lab
                host: 192.168.1.50
                serial: S
                access_code: ${CODE}-extra
                access_cod: {{AccessCode}}
                watchdog: {{AccessCode}}
                tls_insecure: {{Password}}
              - id: mk4
                type: prusa
                host: 192.168.1.60
                password: ${file:{{dir.PathOf("token")}}}
                api_key: [{{Password}}]
                port: {{AccessCode}}
            """,
            env);

        Assert.True(result.Problems.Count >= 8, string.Join('\n', result.Problems));
        Assert.All(result.Problems, p =>
        {
            Assert.DoesNotContain(AccessCode, p.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Password, p.ToString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Parse_PrinterTypeQuotesTheSecretInItsMessage_ValueIsBlankedOut()
    {
        var problem = SingleProblem(
            """
            printers:
              - id: x1c
                type: bambu_lab
                host: 192.168.1.50
                serial: S
                access_code: ${CODE}
            """,
            new Dictionary<string, string> { ["CODE"] = "too-long-code" });

        AssertProblem(problem, 6, "printers[0].access_code", "must be 8 characters, got '***'");
    }

    [Theory]
    [InlineData("password", true)]
    [InlineData("mqtt_Password", true)]
    [InlineData("access_code", true)]
    [InlineData("api_key", true)]
    [InlineData("token", true)]
    [InlineData("client_secret", true)]
    [InlineData("username", false)]
    [InlineData("serial", false)]
    public void IsSecret_KeyName_MatchesMarkers(string key, bool expected)
    {
        Assert.Equal(expected, Bridge.Configuration.SecretKeyNames.IsSecret(key));
    }
}
