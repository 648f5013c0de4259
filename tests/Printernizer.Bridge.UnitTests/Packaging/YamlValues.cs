using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Printernizer.Bridge.UnitTests.Packaging;

/// <summary>
/// Loads YAML into plain values the way Home Assistant's loader types them: mappings become
/// <see cref="Dictionary{TKey, TValue}"/>, sequences lists, unquoted scalars null, bool, long or
/// double where they look like one, everything else strings.
/// </summary>
internal static class YamlValues
{
    public static object? Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? null : From(stream.Documents[0].RootNode);
    }

    public static Dictionary<string, object?> LoadMapping(string yaml) =>
        Load(yaml) as Dictionary<string, object?> ?? throw new InvalidOperationException("the document is not a mapping");

    public static object? From(YamlNode node) => node switch
    {
        YamlMappingNode mapping => mapping.Children.ToDictionary(
            child => ((YamlScalarNode)child.Key).Value ?? string.Empty, child => From(child.Value), StringComparer.Ordinal),
        YamlSequenceNode sequence => sequence.Children.Select(From).ToList(),
        YamlScalarNode { Style: ScalarStyle.Plain } plain => Typed(plain.Value ?? string.Empty),
        YamlScalarNode scalar => scalar.Value ?? string.Empty,
        _ => throw new InvalidOperationException($"unsupported YAML node {node.NodeType}"),
    };

    private static object? Typed(string text)
    {
        if (text is "" or "~" || text.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (bool.TryParse(text, out var flag))
        {
            return flag;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : text;
    }
}
