using Printernizer.Bridge.Printers;
using YamlDotNet.RepresentationModel;

namespace Printernizer.Bridge.Configuration;

/// <summary>Reads the <c>printers:</c> list; absent or empty means no printers.</summary>
internal static class PrintersSectionBinder
{
    public const string Key = "printers";

    public static List<PrinterDefinition> Bind(ConfigSection root, PrinterTypeRegistry registry)
    {
        var printers = new List<PrinterDefinition>();
        if (!root.TryGetValue(Key, out _, out var node))
        {
            return printers;
        }

        if (node is not YamlSequenceNode list)
        {
            root.Problem(Key, $"expected a list of printers (entries starting with '- id:'), found {YamlNodes.Describe(node)}");
            return printers;
        }

        var idLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = root.Values.Problems;
        for (var i = 0; i < list.Children.Count; i++)
        {
            var item = list.Children[i];
            var path = ConfigKeyPath.Item(root.PathOf(Key), i);
            if (item is not YamlMappingNode mapping)
            {
                problems.Add(YamlNodes.LineOf(item), path, $"expected a mapping with id, type and host, found {YamlNodes.Describe(item)}");
                continue;
            }

            var printer = PrinterEntryBinder.Bind(new ConfigSection(mapping, path, YamlNodes.LineOf(mapping), root.Values), registry, idLines);
            if (printer is not null)
            {
                printers.Add(printer);
            }
        }

        return printers;
    }
}
