using System.Text.RegularExpressions;
using Printernizer.Bridge.Printers;

namespace Printernizer.Bridge.Configuration;

/// <summary>Reads one entry of <c>printers:</c>: the common keys here, the type's own keys through its <see cref="IPrinterType.BindSettings"/>.</summary>
internal static partial class PrinterEntryBinder
{
    /// <summary>Null when the entry has a problem (already reported).</summary>
    /// <param name="idLines">Ids seen in earlier entries and their lines, to report duplicates.</param>
    public static PrinterDefinition? Bind(ConfigSection entry, PrinterTypeRegistry registry, Dictionary<string, int> idLines)
    {
        var id = BindId(entry, idLines);
        var name = entry.String("name");
        var type = BindType(entry, registry);
        var host = entry.String("host", required: true);
        if (host is not null && !HostNames.IsValid(host))
        {
            entry.Problem("host", "expected a host name or IP address, without scheme, port or path (the port goes in `port`)");
        }

        var port = entry.Int("port", 1, 65535);
        var model = entry.String("model");
        IPrinterSettings? settings = null;
        if (type is not null)
        {
            settings = type.BindSettings(new PrinterSettingsReader(id ?? string.Empty, entry));

            // Without a known type there is no telling its keys from typos, so only then.
            entry.ReportUnknownKeys();
        }

        if (id is null || type is null || host is null || settings is null)
        {
            return null;
        }

        return new PrinterDefinition(id, string.IsNullOrEmpty(name) ? id : name, type.Name, host, port ?? type.DefaultPort, model, settings);
    }

    /// <summary>The bridge's own topics and discovery device use this id.</summary>
    public const string ReservedId = "bridge";

    private static string? BindId(ConfigSection entry, Dictionary<string, int> idLines)
    {
        var id = entry.String("id", required: true);
        if (id is null)
        {
            return null;
        }

        if (!IdPattern().IsMatch(id))
        {
            entry.Problem("id", "must match ^[a-z0-9_-]{1,64}$ (lower-case letters, digits, _ and -): it becomes part of MQTT topics");
            return null;
        }

        if (id == ReservedId)
        {
            entry.Problem("id", $"'{ReservedId}' is reserved: the bridge publishes its own state under <base_topic>/{ReservedId}/");
            return null;
        }

        if (idLines.TryGetValue(id, out var firstLine))
        {
            entry.Problem("id", $"duplicate printer id '{id}' (first used at line {firstLine})");
            return null;
        }

        idLines.Add(id, entry.LineOf("id"));
        return id;
    }

    private static IPrinterType? BindType(ConfigSection entry, PrinterTypeRegistry registry)
    {
        var typeName = entry.String("type", required: true);
        if (typeName is null)
        {
            return null;
        }

        if (registry.TryGet(typeName, out var type))
        {
            return type;
        }

        var known = registry.Names.Order(StringComparer.Ordinal).ToList();
        var suggestion = KeySuggestion.Closest(typeName, known);
        entry.Problem("type", known.Count == 0
            ? $"unknown printer type '{typeName}'; no printer types are available in this build"
            : $"unknown printer type '{typeName}'{(suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)")}; known types: {string.Join(", ", known)}");
        return null;
    }

    [GeneratedRegex("^[a-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();
}
