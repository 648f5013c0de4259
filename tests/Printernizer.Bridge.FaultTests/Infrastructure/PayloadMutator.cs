using System.Text;
using System.Text.Json.Nodes;

namespace Printernizer.Bridge.FaultTests.Infrastructure;

/// <summary>
/// Hostile variants of real Bambu captures, reproducible from a seed: deleted fields, swapped
/// types, truncations, invalid UTF-8, NaN and huge numbers, and rarely 2 MiB payloads and
/// 10,000-deep nesting.
/// </summary>
internal sealed class PayloadMutator
{
    public const string FixtureDirectory = "/work/shared/fixtures/bambu";

    private static readonly string[] NumberTokens = ["NaN", "Infinity", "-Infinity", "1e400", "-1e400", "1e308", "-1e308", "99999999999999999999999999999", "-0", "4.9e-324"];

    private readonly Random _random;
    private readonly byte[][] _fixtures;

    public PayloadMutator(int seed)
    {
        _random = new Random(seed);
        _fixtures = Directory.GetFiles(FixtureDirectory, "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        Assert.NotEmpty(_fixtures);
    }

    public string LastKind { get; private set; } = "";

    public byte[] Next(int index)
    {
        // The expensive kinds are rare, so 10,000 payloads stay within the suite's time budget.
        if (index % 500 == 250)
        {
            LastKind = "2MiB";
            return Huge();
        }

        if (index % 500 == 499)
        {
            LastKind = "deep";
            return Encoding.ASCII.GetBytes("{\"print\":" + new string('[', 10_000) + new string(']', 10_000) + "}");
        }

        var source = _fixtures[_random.Next(_fixtures.Length)];
        switch (_random.Next(5))
        {
            case 0:
                LastKind = "delete";
                return Mutate(source, DeleteField);
            case 1:
                LastKind = "swap";
                return Mutate(source, SwapType);
            case 2:
                LastKind = "truncate";
                return source[.._random.Next(source.Length)];
            case 3:
                LastKind = "utf8";
                return InvalidUtf8(source);
            default:
                LastKind = "number";
                return HugeNumber(source);
        }
    }

    private byte[] Mutate(byte[] source, Action<JsonNode> mutate)
    {
        var root = JsonNode.Parse(source)!;
        var rounds = 1 + _random.Next(4);
        for (var i = 0; i < rounds; i++)
        {
            mutate(root);
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private void DeleteField(JsonNode root)
    {
        if (PickContainer(root) is JsonObject obj && obj.Count > 0)
        {
            obj.Remove(obj.ElementAt(_random.Next(obj.Count)).Key);
        }
        else if (PickContainer(root) is JsonArray array && array.Count > 0)
        {
            array.RemoveAt(_random.Next(array.Count));
        }
    }

    private void SwapType(JsonNode root)
    {
        if (PickContainer(root) is not JsonObject obj || obj.Count == 0)
        {
            return;
        }

        var key = obj.ElementAt(_random.Next(obj.Count)).Key;
        obj[key] = _random.Next(7) switch
        {
            0 => JsonValue.Create("hot"),
            1 => JsonValue.Create(-123456789),
            2 => JsonValue.Create(true),
            3 => null,
            4 => new JsonArray(1, "two", null),
            5 => new JsonObject { ["value"] = 5 },
            _ => JsonValue.Create(""),
        };
    }

    /// <summary>A random object or array, walking down from the root.</summary>
    private JsonNode PickContainer(JsonNode root)
    {
        var node = root;
        for (var depth = 0; depth < 6; depth++)
        {
            var children = node switch
            {
                JsonObject o => o.Select(p => p.Value).Where(v => v is JsonObject or JsonArray).ToArray(),
                JsonArray a => a.Where(v => v is JsonObject or JsonArray).ToArray(),
                _ => [],
            };
            if (children.Length == 0 || _random.Next(3) == 0)
            {
                return node;
            }

            node = children[_random.Next(children.Length)]!;
        }

        return node;
    }

    private byte[] InvalidUtf8(byte[] source)
    {
        var bytes = source.ToList();
        for (var i = 0; i < 1 + _random.Next(5); i++)
        {
            bytes.Insert(_random.Next(bytes.Count), (byte)(_random.Next(2) == 0 ? 0xFF : 0xC3));
        }

        return bytes.ToArray();
    }

    private byte[] HugeNumber(byte[] source)
    {
        var text = Encoding.UTF8.GetString(source);
        var digits = Enumerable.Range(0, text.Length).Where(i => char.IsDigit(text[i]) && (i == 0 || text[i - 1] is ':' or ' ')).ToArray();
        if (digits.Length == 0)
        {
            return source;
        }

        var start = digits[_random.Next(digits.Length)];
        var end = start;
        while (end < text.Length && (char.IsDigit(text[end]) || text[end] is '.' or 'e' or '-' or '+'))
        {
            end++;
        }

        return Encoding.UTF8.GetBytes(text[..start] + NumberTokens[_random.Next(NumberTokens.Length)] + text[end..]);
    }

    private static byte[] Huge() =>
        Encoding.UTF8.GetBytes("{\"print\":{\"command\":\"push_status\",\"msg\":1,\"subtask_name\":\"" + new string('x', 2 * 1024 * 1024) + "\"}}");
}
