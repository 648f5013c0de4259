using System.Text.Json;

namespace Printernizer.Bridge.UnitTests.Packaging;

/// <summary>One instruction of a Dockerfile, continuation lines joined, in the build stage it belongs to.</summary>
/// <param name="Stage">0 for instructions before the first FROM (global ARGs), then 1, 2, … per FROM.</param>
internal sealed record DockerfileInstruction(string Keyword, string Arguments, int Stage)
{
    public static List<DockerfileInstruction> Parse(string text)
    {
        var instructions = new List<DockerfileInstruction>();
        var stage = 0;
        var pending = string.Empty;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var full = (pending + line).Trim();
            pending = string.Empty;
            if (full.Length == 0)
            {
                continue;
            }

            var split = full.IndexOf(' ', StringComparison.Ordinal);
            var keyword = (split < 0 ? full : full[..split]).ToUpperInvariant();
            stage += keyword == "FROM" ? 1 : 0;
            instructions.Add(new DockerfileInstruction(keyword, split < 0 ? string.Empty : full[(split + 1)..].Trim(), stage));
        }

        return instructions;
    }

    /// <summary>The exec form (<c>["a", "b"]</c>) of the arguments after any leading <c>--flag=value</c> options and a CMD keyword.</summary>
    public IReadOnlyList<string> ExecForm()
    {
        var json = Arguments[Arguments.IndexOf('[', StringComparison.Ordinal)..];
        return JsonSerializer.Deserialize<string[]>(json) ?? [];
    }
}
