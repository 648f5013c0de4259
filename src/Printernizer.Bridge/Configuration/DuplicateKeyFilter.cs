using YamlDotNet.Core.Events;

namespace Printernizer.Bridge.Configuration;

/// <summary>
/// YamlDotNet's representation model throws at the first duplicate key, which would hide every
/// other problem. This pass reports each duplicate (keeping the first occurrence) and drops the
/// later key with its value, so that the rest of the file can still be loaded and checked.
/// </summary>
internal static class DuplicateKeyFilter
{
    public static List<ParsingEvent> Filter(IReadOnlyList<ParsingEvent> events, ConfigProblemList problems)
    {
        var result = new List<ParsingEvent>(events.Count);
        var frames = new Stack<Frame>();
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
