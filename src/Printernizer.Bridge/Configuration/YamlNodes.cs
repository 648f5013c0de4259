using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Printernizer.Bridge.Configuration;

/// <summary>Small questions about representation-model nodes.</summary>
internal static class YamlNodes
{
    /// <summary>True for an empty value, <c>~</c> and <c>null</c> written without quotes.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain } scalar
        && scalar.Tag.IsEmpty
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>YamlDotNet counts lines in a long; no configuration file gets near int range.</summary>
    public static int LineOf(Mark mark) => (int)Math.Min(mark.Line, int.MaxValue);

    public static int LineOf(YamlNode node) => LineOf(node.Start);

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ => "a value",
    };
}
