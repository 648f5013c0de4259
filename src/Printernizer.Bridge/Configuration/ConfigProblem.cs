namespace Printernizer.Bridge.Configuration;

// Placeholder until the configuration loader lands (feat/config).
internal sealed record ConfigProblem(string File, int Line, string KeyPath, string Message)
{
    public override string ToString() => $"{File}:{Line}: {KeyPath}: {Message}";
}
