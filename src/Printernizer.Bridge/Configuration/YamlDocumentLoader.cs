using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Printernizer.Bridge.Configuration;

/// <summary>Turns the file's text into one YAML root node, or reports why it cannot.</summary>
internal static class YamlDocumentLoader
{
    public static YamlNode? LoadRoot(string text, ConfigProblemList problems)
    {
        var events = new List<ParsingEvent>();
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                events.Add(parser.Current!);
            }
        }
        catch (YamlException ex)
        {
            problems.Add(SyntaxErrorLine(text, ex), string.Empty, $"YAML syntax error: {Describe(ex)}");
            return null;
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or YamlException))
        {
            // YamlDotNet's scanner throws plain exceptions on some malformed input (an unclosed
            // flow sequence gives InvalidOperationException); a config check must report, not crash.
            var line = events.Count > 0 ? YamlNodes.LineOf(events[^1].End) : 1;
            problems.Add(line, string.Empty, "YAML syntax error: the file cannot be parsed past this line (an unclosed [, { or quote?)");
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new ReplayParser(YamlEventFilter.Filter(events, problems)));
        }
        catch (YamlException ex)
        {
            problems.Add(YamlNodes.LineOf(ex.Start), string.Empty, $"YAML error: {Describe(ex)}");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            problems.Add(YamlNodes.LineOf(stream.Documents[1].RootNode), string.Empty, "only one YAML document is allowed (remove the second '---')");
        }

        var root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        if (root is null || YamlNodes.IsNull(root))
        {
            problems.Add(0, string.Empty, "the file is empty; it needs at least an mqtt: section or a printers: list");
            return null;
        }

        return root;
    }

    /// <summary>
    /// YamlDotNet places a tab-indentation error at the start of the enclosing mapping; the user
    /// needs the line with the tab.
    /// </summary>
    private static int SyntaxErrorLine(string text, YamlException ex)
    {
        var line = YamlNodes.LineOf(ex.Start);
        if (!ex.Message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            return line;
        }

        var lines = text.Split('\n');
        for (var i = Math.Max(0, line - 1); i < lines.Length; i++)
        {
            var indentation = lines[i][..(lines[i].Length - lines[i].TrimStart(' ', '\t').Length)];
            if (indentation.Contains('\t', StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return line;
    }

    /// <summary>YamlDotNet prefixes its messages with the marks, which the problem line already carries.</summary>
    private static string Describe(YamlException ex)
    {
        var message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
        if (message.StartsWith("(Line:", StringComparison.Ordinal))
        {
            var end = message.IndexOf("): ", StringComparison.Ordinal);
            if (end >= 0)
            {
                message = message[(end + 3)..];
            }
        }

        return message;
    }
}
