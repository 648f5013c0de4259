using Printernizer.Bridge.Configuration;

namespace Printernizer.Bridge.UnitTests.Configuration;

public sealed class ConfigProblemTests
{
    [Theory]
    [InlineData(12, "printers[1].port", "expected an integer from 1 to 65535", "config.yaml:12: printers[1].port: expected an integer from 1 to 65535")]
    [InlineData(3, "", "YAML syntax error: x", "config.yaml:3: YAML syntax error: x")]
    [InlineData(0, "", "file not found", "config.yaml: file not found")]
    public void ToString_Problem_IsOneCompilerStyleLine(int line, string keyPath, string message, string expected)
    {
        Assert.Equal(expected, new ConfigProblem("config.yaml", line, keyPath, message).ToString());
    }

    [Fact]
    public void Failure_NoProblems_Throws()
    {
        Assert.Throws<ArgumentException>(() => ConfigLoadResult.Failure([]));
    }
}
