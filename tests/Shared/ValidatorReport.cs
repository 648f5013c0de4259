namespace Printernizer.Bridge.TestSupport;

/// <summary>What <c>validate_discovery.py</c> printed and its exit code.</summary>
internal sealed record ValidatorReport(int ExitCode, string Output)
{
    public IReadOnlyList<string> Lines { get; } =
        Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The <c>N passed, M failed</c> summary, or empty when the script did not get that far.</summary>
    public string Summary => Lines.Count == 0 ? string.Empty : Lines[^1];

    public IEnumerable<string> Problems =>
        Lines.Where(l => l.StartsWith("ERROR", StringComparison.Ordinal) || l.StartsWith("WARN", StringComparison.Ordinal));
}
