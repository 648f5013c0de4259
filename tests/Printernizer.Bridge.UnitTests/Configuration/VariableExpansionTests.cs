using static Printernizer.Bridge.UnitTests.Configuration.ConfigTestParsing;

namespace Printernizer.Bridge.UnitTests.Configuration;

public sealed class VariableExpansionTests
{
    private const string Bambu = """
        printers:
          - id: x1c
            type: bambu_lab
            host: 192.168.1.50
            serial: 00M00A000000000
            access_code: ${X1C_ACCESS_CODE}
        """;

    [Fact]
    public void Parse_VariableSet_ReplacesIt()
    {
        var config = ParseValid(Bambu, new Dictionary<string, string> { ["X1C_ACCESS_CODE"] = "87654321" });

        Assert.Equal("87654321", Assert.IsType<FakePrinterSettings>(config.Printers[0].Settings)["access_code"]);
    }

    [Fact]
    public void Parse_VariableNotSet_NamesVariableAndKey()
    {
        var problem = SingleProblem(Bambu);

        Assert.Equal("config.yaml:6: printers[0].access_code: environment variable X1C_ACCESS_CODE is not set", problem.ToString());
    }

    [Fact]
    public void Parse_VariablesInsideLongerString_AreAllReplaced()
    {
        var env = new Dictionary<string, string> { ["SITE"] = "garage", ["N"] = "2" };

        var config = ParseValid("mqtt:\n  url: embedded\n  base_topic: home/${SITE}/printers${N}\n", env);

        Assert.Equal("home/garage/printers2", config.Mqtt.BaseTopic);
    }

    [Fact]
    public void Parse_VariableProvidesAnInteger_IsConvertedAfterReplacement()
    {
        var config = ParseValid("printers:\n  - id: mk4\n    type: prusa\n    host: h\n    port: ${MK4_PORT}\n", new Dictionary<string, string> { ["MK4_PORT"] = "8080" });

        Assert.Equal(8080, config.Printers[0].Port);
    }

    [Fact]
    public void Parse_TwoVariablesMissingInOneValue_ReportsBoth()
    {
        var problems = Parse("mqtt:\n  client_id: ${A}-${B}\n").Problems;

        Assert.Collection(
            problems,
            p => AssertProblem(p, 2, "mqtt.client_id", "environment variable A is not set"),
            p => AssertProblem(p, 2, "mqtt.client_id", "environment variable B is not set"));
    }

    [Theory]
    [InlineData("${1ABC}", "'${1ABC}' is not a valid reference")]
    [InlineData("${}", "'${}' is not a valid reference")]
    [InlineData("abc${NAME", "unterminated ${")]
    [InlineData("${file:}", "${file:} needs a path")]
    public void Parse_MalformedReference_IsReported(string value, string message)
    {
        AssertProblem(SingleProblem($"state_dir: \"{value}\"\n"), 1, "state_dir", message);
    }

    [Fact]
    public void Parse_VariableNotReferencedByUnknownKey_IsNotReportedTwice()
    {
        var problem = SingleProblem("control: true\nstat_dir: ${NOT_SET}\n");

        AssertProblem(problem, 2, "stat_dir", "did you mean 'state_dir'?");
    }

    [Fact]
    public void Parse_FileSecret_IsReadAndTrimmed()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.PathOf("x1c_code"), "  11223344\n");

        var config = ParseValid(Bambu.Replace("${X1C_ACCESS_CODE}", $"${{file:{dir.PathOf("x1c_code")}}}", StringComparison.Ordinal));

        Assert.Equal("11223344", Assert.IsType<FakePrinterSettings>(config.Printers[0].Settings)["access_code"]);
    }

    [Fact]
    public void Parse_FileSecretWithRelativePath_IsRelativeToConfigFile()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.PathOf("secrets"));
        File.WriteAllText(dir.PathOf("secrets/mqtt"), "broker-pass\n");

        var result = Parse("mqtt:\n  password: ${file:secrets/mqtt}\n", fileName: dir.PathOf("config.yaml"));

        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        Assert.Equal("broker-pass", result.Config.Mqtt.Password);
    }

    [Fact]
    public void Parse_FileSecretMissing_NamesKeyAndPath()
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf("absent");

        var problem = SingleProblem(Bambu.Replace("${X1C_ACCESS_CODE}", $"${{file:{path}}}", StringComparison.Ordinal));

        AssertProblem(problem, 6, "printers[0].access_code", $"secret file {path} does not exist");
    }

    [Fact]
    public void Parse_FileSecretIsADirectory_IsReportedWithoutCrashing()
    {
        using var dir = new TempDirectory();

        var problem = SingleProblem($"mqtt:\n  password: ${{file:{dir.Path}}}\n");

        AssertProblem(problem, 2, "mqtt.password", $"secret file {dir.Path} cannot be read");
    }
}
