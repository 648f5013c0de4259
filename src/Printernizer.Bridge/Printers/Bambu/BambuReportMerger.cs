using System.Text.Json.Nodes;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// Deep-merges a <c>push_status</c> into the cached report. Objects merge by key; arrays whose
/// elements carry an identity (<c>id</c>, or <c>node</c> for lights) merge element by element,
/// so a delta with one AMS unit or one tray keeps the others. Other arrays (<c>hms</c>, <c>stg</c>)
/// replace wholesale: an empty <c>hms</c> means cleared.
/// </summary>
internal static class BambuReportMerger
{
    public static void Merge(JsonObject target, JsonObject delta)
    {
        foreach (var (key, value) in delta)
        {
            var existing = target[key];
            switch (value)
            {
                case JsonObject source when existing is JsonObject destination:
                    Merge(destination, source);
                    break;
                case JsonArray source when existing is JsonArray destination && IdentityKey(source) is { } identity:
                    MergeArray(destination, source, identity);
                    break;
                default:
                    target[key] = value?.DeepClone();
                    break;
            }
        }
    }

    private static string? IdentityKey(JsonArray array)
    {
        if (array.Count == 0)
        {
            return null;
        }

        foreach (var key in (string[])["id", "node"])
        {
            if (array.All(e => e is JsonObject o && BambuJson.String(o[key]) is not null))
            {
                return key;
            }
        }

        return null;
    }

    private static void MergeArray(JsonArray target, JsonArray source, string identity)
    {
        foreach (var element in source.OfType<JsonObject>())
        {
            var id = BambuJson.String(element[identity]);
            var match = target.OfType<JsonObject>().FirstOrDefault(e => BambuJson.String(e[identity]) == id);
            if (match is null)
            {
                target.Add(element.DeepClone());
            }
            else
            {
                Merge(match, element);
            }
        }
    }
}
