using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Printernizer.Bridge.Hosting.AddOn;

/// <summary>
/// Turns JSON values into YAML nodes that the configuration loader reads back unchanged:
/// JSON strings become double-quoted scalars, so that a name like <c>no</c> or <c>null</c> stays a
/// string, while numbers, booleans and null stay plain and are read as such.
/// </summary>
internal static class JsonYamlNodes
{
    public static YamlNode From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new YamlMappingNode(element.EnumerateObject().Select(p => new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode(p.Name), From(p.Value)))),
        JsonValueKind.Array => new YamlSequenceNode(element.EnumerateArray().Select(From)),
        JsonValueKind.String => Quoted(element.GetString() ?? string.Empty),
        JsonValueKind.True => Plain("true"),
        JsonValueKind.False => Plain("false"),
        JsonValueKind.Number => Plain(element.GetRawText()),
        _ => Plain("null"),
    };

    public static YamlScalarNode Quoted(string value) => new(value) { Style = ScalarStyle.DoubleQuoted };

    public static YamlScalarNode Plain(string value) => new(value) { Style = ScalarStyle.Plain };

    /// <summary>The YAML text of a document with <paramref name="root"/> as its only node.</summary>
    public static string ToText(YamlNode root)
    {
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}
