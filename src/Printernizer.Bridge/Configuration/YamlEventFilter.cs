using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Printernizer.Bridge.Configuration;

/// <summary>
/// YamlDotNet's representation model throws at the first duplicate key or undefined alias, which
/// would hide every other problem (and gives an alias no line). This pass reports each duplicate
/// key (keeping the first occurrence, dropping the later key with its value) and each undefined
/// alias (replaced by a null value), so that the rest of the file can still be loaded and checked.
/// </summary>
internal static class YamlEventFilter
{
    public static List<ParsingEvent> Filter(IReadOnlyList<ParsingEvent> events, ConfigProblemList problems)
    {
        var result = new List<ParsingEvent>(events.Count);
        var frames = new Stack<Frame>();
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < events.Count)
        {
            var current = events[i];
            var parent = frames.Count > 0 ? frames.Peek() : null;
            if (parent is { IsMapping: true, ExpectingKey: true } && current is Scalar key)
            {
                var keyPath = ConfigKeyPath.Child(parent.Path, key.Value);
                if (parent.SeenKeys.TryGetValue(key.Value, out var firstLine))
                {
                    problems.Add(YamlNodes.LineOf(key.Start), keyPath, $"duplicate key (first defined at line {firstLine})");
                    i = SkipNode(events, i + 1);
                    continue;
                }

                parent.SeenKeys.Add(key.Value, YamlNodes.LineOf(key.Start));
                parent.CurrentKeyPath = keyPath;
            }

            if (current is NodeEvent { Anchor.IsEmpty: false } anchored)
            {
                anchors.Add(anchored.Anchor.Value);
            }
            else if (current is AnchorAlias alias && !anchors.Contains(alias.Value.Value))
            {
                problems.Add(YamlNodes.LineOf(alias.Start), PathOfChild(parent), $"alias *{alias.Value.Value} has no anchor &{alias.Value.Value} before it");
                current = new Scalar(AnchorName.Empty, TagName.Empty, string.Empty, ScalarStyle.Plain, true, false, alias.Start, alias.End);
            }

            result.Add(current);
            i++;
            switch (current)
            {
                case MappingStart:
                    frames.Push(new Frame(PathOfChild(parent), isMapping: true));
                    break;
                case SequenceStart:
                    frames.Push(new Frame(PathOfChild(parent), isMapping: false));
                    break;
                case MappingEnd or SequenceEnd:
                    frames.Pop();
                    NodeCompleted(frames);
                    break;
                case Scalar or AnchorAlias:
                    NodeCompleted(frames);
                    break;
            }
        }

        return result;
    }

    private static string PathOfChild(Frame? parent) => parent switch
    {
        null => string.Empty,
        { IsMapping: true } => parent.ExpectingKey ? parent.Path : parent.CurrentKeyPath,
        _ => ConfigKeyPath.Item(parent.Path, parent.Index),
    };

    private static void NodeCompleted(Stack<Frame> frames)
    {
        if (frames.Count == 0)
        {
            return;
        }

        var frame = frames.Peek();
        if (frame.IsMapping)
        {
            frame.ExpectingKey = !frame.ExpectingKey;
        }
        else
        {
            frame.Index++;
        }
    }

    /// <summary>Returns the index just after the node that starts at <paramref name="start"/>.</summary>
    private static int SkipNode(IReadOnlyList<ParsingEvent> events, int start)
    {
        var depth = 0;
        var i = start;
        do
        {
            if (i >= events.Count)
            {
                return i;
            }

            depth += events[i] switch
            {
                MappingStart or SequenceStart => 1,
                MappingEnd or SequenceEnd => -1,
                _ => 0,
            };
            i++;
        }
        while (depth > 0);

        return i;
    }

    private sealed class Frame(string path, bool isMapping)
    {
        public string Path { get; } = path;

        public bool IsMapping { get; } = isMapping;

        public bool ExpectingKey { get; set; } = true;

        public string CurrentKeyPath { get; set; } = path;

        public int Index { get; set; }

        public Dictionary<string, int> SeenKeys { get; } = new(StringComparer.Ordinal);
    }
}
