using System.Diagnostics.CodeAnalysis;

namespace Printernizer.Bridge.Configuration;

/// <summary>Either a valid <see cref="BridgeConfig"/> or every problem found (never both, never neither).</summary>
internal sealed class ConfigLoadResult
{
    private ConfigLoadResult(BridgeConfig? config, IReadOnlyList<ConfigProblem> problems)
    {
        Config = config;
        Problems = problems;
    }

    /// <summary>Null exactly when <see cref="Problems"/> is non-empty.</summary>
    public BridgeConfig? Config { get; }

    /// <summary>Ordered by line; empty on success.</summary>
    public IReadOnlyList<ConfigProblem> Problems { get; }

    [MemberNotNullWhen(true, nameof(Config))]
    public bool Succeeded => Config is not null;

    public static ConfigLoadResult Success(BridgeConfig config) => new(config, []);

    public static ConfigLoadResult Failure(IReadOnlyList<ConfigProblem> problems)
    {
        if (problems.Count == 0)
        {
            throw new ArgumentException("a failed load has at least one problem", nameof(problems));
        }

        return new ConfigLoadResult(null, problems);
    }
}
