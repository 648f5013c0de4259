using System.Text.Json;
using System.Text.RegularExpressions;
using Printernizer.Bridge.Publishing;

namespace Printernizer.Bridge.UnitTests.Packaging;

/// <summary>
/// <c>examples/node-red/printernizer-flow.json</c> must import into a plain Node-RED (core nodes
/// only, every wire and broker reference resolvable) and use the bridge's real topics.
/// </summary>
public sealed partial class NodeRedFlowTests
{
    /// <summary>The node types Node-RED ships with (packages/node_modules/@node-red/nodes) that a flow like this could use.</summary>
    private static readonly string[] CoreTypes =
    [
        "tab", "group", "junction", "comment", "inject", "debug", "complete", "catch", "status", "link in", "link out", "link call",
        "function", "switch", "change", "range", "template", "delay", "trigger", "exec", "filter", "rbe",
        "mqtt in", "mqtt out", "mqtt-broker", "json", "split", "join", "sort", "batch",
    ];

    private static readonly TopicLayout Topics = new("printernizer", "homeassistant");

    private static readonly List<JsonElement> Nodes = Load();

    [Fact]
    public void Flow_EveryNodeHasAnIdAndACoreType()
    {
        Assert.All(Nodes, node =>
        {
            Assert.False(string.IsNullOrEmpty(Text(node, "id")));
            Assert.Contains(Text(node, "type"), CoreTypes);
        });
        Assert.Equal(Nodes.Count, Nodes.Select(n => Text(n, "id")).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Flow_EveryReferenceResolves()
    {
        var ids = Nodes.Select(n => Text(n, "id")).ToHashSet(StringComparer.Ordinal);
        var tabs = Nodes.Where(n => Text(n, "type") == "tab").Select(n => Text(n, "id")).ToHashSet(StringComparer.Ordinal);
        var brokers = Nodes.Where(n => Text(n, "type") == "mqtt-broker").Select(n => Text(n, "id")).ToHashSet(StringComparer.Ordinal);

        Assert.All(Nodes.SelectMany(Targets), target => Assert.Contains(target, ids));
        Assert.All(Nodes.Where(n => n.TryGetProperty("z", out _)), n => Assert.Contains(Text(n, "z"), tabs));
        Assert.All(Nodes.Where(n => Text(n, "type") is "mqtt in" or "mqtt out"), n => Assert.Contains(Text(n, "broker"), brokers));
    }

    [Fact]
    public void Flow_SubscribesOnlyToTheBridgesTopicsAndShowsStatusProgressAndResults()
    {
        var patterns = new[] { Topics.State("+"), Topics.Progress("+"), Topics.Temperature("+"), Topics.Job("+"), Topics.Event("+"), Topics.Availability("+"), Topics.Filament("+"), Topics.CommandResult("+") };
        var subscriptions = Nodes.Where(n => Text(n, "type") == "mqtt in").ToList();

        Assert.All(subscriptions, s => Assert.Contains(Text(s, "topic"), patterns));
        foreach (var required in new[] { Topics.State("+"), Topics.Progress("+"), Topics.CommandResult("+") })
        {
            var subscription = Assert.Single(subscriptions, s => Text(s, "topic") == required);
            Assert.Equal("json", Text(subscription, "datatype"));
            Assert.Contains(Reachable(subscription), n => Text(n, "type") == "debug");
        }
    }

    [Fact]
    public void Flow_CancelButtonPublishesToACommandTopicWithoutRetain()
    {
        var cancel = Assert.Single(Nodes, n => Text(n, "type") == "inject" && Text(n, "payload") == "cancel");
        var publisher = Assert.Single(Reachable(cancel), n => Text(n, "type") == "mqtt out");

        Assert.Matches(CommandTopic(), Text(publisher, "topic"));
        Assert.Equal("false", Text(publisher, "retain"));
        Assert.Equal(Topics.Command(Text(publisher, "topic").Split('/')[1]), Text(publisher, "topic"));
    }

    private static IEnumerable<string> Targets(JsonElement node) =>
        node.TryGetProperty("wires", out var wires)
            ? wires.EnumerateArray().SelectMany(output => output.EnumerateArray()).Select(t => t.GetString() ?? string.Empty)
            : [];

    /// <summary>Every node downstream of <paramref name="start"/>.</summary>
    private static List<JsonElement> Reachable(JsonElement start)
    {
        var byId = Nodes.ToDictionary(n => Text(n, "id"), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(Targets(start));
        while (queue.TryDequeue(out var id))
        {
            if (seen.Add(id))
            {
                foreach (var next in Targets(byId[id]))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return [.. seen.Select(id => byId[id])];
    }

    private static string Text(JsonElement node, string property) =>
        node.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;

    private static List<JsonElement> Load()
    {
        using var document = JsonDocument.Parse(RepositoryFiles.Read("examples", "node-red", "printernizer-flow.json"));
        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        return [.. document.RootElement.EnumerateArray().Select(n => n.Clone())];
    }

    [GeneratedRegex("^printernizer/[a-z0-9_-]{1,64}/command$")]
    private static partial Regex CommandTopic();
}
