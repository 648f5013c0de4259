namespace Printernizer.Bridge.Configuration;

/// <summary>
/// Collects problems while the whole file is walked, so that every problem is reported at once.
/// As a second line of defence it blanks out secret values that were read, in case a message
/// (for instance one written by a printer type) quotes one.
/// </summary>
internal sealed class ConfigProblemList
{
    // Shorter values would blank out ordinary words of a message; real secrets are longer.
    private const int MinimumRedactedLength = 4;

    private readonly List<ConfigProblem> _problems = [];
    private readonly HashSet<string> _secretValues = new(StringComparer.Ordinal);

    public ConfigProblemList(string file)
    {
        File = file;
    }

    public string File { get; }

    public bool Any => _problems.Count > 0;

    public void Add(int line, string keyPath, string message)
    {
        _problems.Add(new ConfigProblem(File, line, keyPath, Redact(message)));
    }

    public void RegisterSecretValue(string value)
    {
        if (value.Length >= MinimumRedactedLength)
        {
            _secretValues.Add(value);
        }
    }

    /// <summary>Problems ordered by line; problems on the same line keep the order they were found in.</summary>
    public IReadOnlyList<ConfigProblem> ToSortedList() => [.. _problems.OrderBy(p => p.Line)];

    private string Redact(string message)
    {
        foreach (var secret in _secretValues)
        {
            message = message.Replace(secret, "***", StringComparison.Ordinal);
        }

        return message;
    }
}
