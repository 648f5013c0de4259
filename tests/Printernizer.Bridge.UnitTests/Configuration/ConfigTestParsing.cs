using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Printers;

namespace Printernizer.Bridge.UnitTests.Configuration;

/// <summary>Runs the loader on inline YAML with a given environment.</summary>
internal static class ConfigTestParsing
{
    public const string FileName = "config.yaml";

    public static ConfigLoadResult Parse(string yaml, IReadOnlyDictionary<string, string>? env = null, PrinterTypeRegistry? registry = null, string fileName = FileName) =>
        new BridgeConfigLoader().Parse(yaml, fileName, Lookup(env), registry ?? ConfigTestTypes.Registry());

    public static Func<string, string?> Lookup(IReadOnlyDictionary<string, string>? env) =>
        name => env is not null && env.TryGetValue(name, out var value) ? value : null;

    public static BridgeConfig ParseValid(string yaml, IReadOnlyDictionary<string, string>? env = null)
    {
        var result = Parse(yaml, env);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        return result.Config;
    }

    /// <summary>Asserts exactly one problem and returns it.</summary>
    public static ConfigProblem SingleProblem(string yaml, IReadOnlyDictionary<string, string>? env = null)
    {
        var result = Parse(yaml, env);
        Assert.False(result.Succeeded);
        Assert.Null(result.Config);
        return Assert.Single(result.Problems);
    }

    public static void AssertProblem(ConfigProblem problem, int line, string keyPath, string messagePart)
    {
        Assert.Equal(FileName, problem.File);
        Assert.Equal(line, problem.Line);
        Assert.Equal(keyPath, problem.KeyPath);
        Assert.Contains(messagePart, problem.Message, StringComparison.Ordinal);
    }
}
