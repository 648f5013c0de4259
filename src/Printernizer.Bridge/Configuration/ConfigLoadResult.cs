namespace Printernizer.Bridge.Configuration;

// Placeholder until the configuration loader lands (feat/config).
internal sealed record ConfigLoadResult(BridgeConfig? Config, IReadOnlyList<ConfigProblem> Problems);
