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
            problems.Add(YamlNodes.LineOf(ex.Start), string.Empty, $"YAML syntax error: {Describe(ex)}");
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
