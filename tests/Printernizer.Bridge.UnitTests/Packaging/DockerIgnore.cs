using System.Text.RegularExpressions;

namespace Printernizer.Bridge.UnitTests.Packaging;

/// <summary>
/// <c>.dockerignore</c> matching as Docker does it: patterns relative to the context root, <c>*</c>
/// and <c>?</c> within one path element, <c>**</c> across elements, <c>!</c> re-includes, the last
/// matching pattern wins, and an excluded directory excludes everything below it.
/// </summary>
internal sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Include)> _rules = [];

    public DockerIgnore(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var include = line.StartsWith('!');
            var pattern = (include ? line[1..] : line).Trim().Trim('/');
            _rules.Add((new Regex("^" + ToRegex(pattern) + "(/.*)?$"), include));
        }
    }

    public bool Excludes(string relativePath)
    {
        var excluded = false;
        foreach (var (pattern, include) in _rules)
        {
            if (pattern.IsMatch(relativePath.Trim('/')))
            {
                excluded = !include;
            }
        }

        return excluded;
    }

    private static string ToRegex(string pattern)
    {
        var regex = new System.Text.StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "**/" matches zero or more directories.
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                regex.Append(slash ? "(.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                regex.Append(pattern[i] switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    var c => Regex.Escape(c.ToString()),
                });
            }
        }

        return regex.ToString();
    }
}
