using System.Text.Json;
using System.Text.Json.Nodes;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// <see cref="BambuReportMerger"/>'s rules applied straight from the payload bytes: objects merge
/// by key, arrays whose elements all carry an <c>id</c> (or <c>node</c>) merge element by element,
/// anything else replaces. A value equal to the cached one is left alone, so a repeated AMS block
/// costs a read and no allocation. New values are stored as plain doubles, strings and booleans
/// (a number only when the double prints back as the same literal), which read without allocating.
/// Only for payloads <see cref="BambuReportScreen"/> accepted: no duplicate names, well-formed.
/// </summary>
internal static class BambuUtf8Merger
{
    private const string IdKey = "id";
    private const string NodeKey = "node";

    /// <summary>Merges the value the reader stands on into <c>target[key]</c>; the reader ends on its last token.</summary>
    /// <returns>Whether the cached report changed.</returns>
    /// <param name="shape">What of the value is kept (from <see cref="BambuCacheShape.TryEnter"/> for <paramref name="key"/>).</param>
    public static bool MergeValue(JsonObject target, string key, ref Utf8JsonReader reader, BambuPropertyNames names, BambuCacheShape shape)
    {
        var exists = target.TryGetPropertyValue(key, out var existing);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject when existing is JsonObject destination:
                return MergeObject(destination, ref reader, names, shape);
            case JsonTokenType.StartArray when existing is JsonArray destination && IdentityKey(reader) is { } identity && shape.Keeps(identity):
                return MergeArray(destination, ref reader, names, shape, identity);
        }

        return KeepOrReplace(target, key, exists ? existing : null, exists, ref reader, names, shape);
    }

    /// <summary>
    /// Makes <c>target[key]</c> equal to the value the reader stands on, as a replacement would, but
    /// keeps every node that already holds the same: a full report repeats almost all of the last one.
    /// Objects are synchronized key by key (keys the value lacks are removed), anything else is kept or replaced.
    /// </summary>
    /// <returns>Whether the cached report changed.</returns>
    public static bool SyncValue(JsonObject target, string key, ref Utf8JsonReader reader, BambuPropertyNames names, BambuCacheShape shape)
    {
        var exists = target.TryGetPropertyValue(key, out var existing);
        if (reader.TokenType == JsonTokenType.StartObject && existing is JsonObject destination)
        {
            return SyncObject(destination, ref reader, names, shape);
        }

        return KeepOrReplace(target, key, exists ? existing : null, exists, ref reader, names, shape);
    }

    /// <summary>Leaves <c>target[key]</c> alone when it already holds the value at the reader, else replaces it.</summary>
    private static bool KeepOrReplace(JsonObject target, string key, JsonNode? existing, bool exists, ref Utf8JsonReader reader, BambuPropertyNames names, BambuCacheShape shape)
    {
        var probe = reader;
        if (exists && BambuNodeComparer.SameContent(existing, ref probe, shape))
        {
            reader = probe;
            return false;
        }

        target[key] = Build(ref reader, names, shape);
        return true;
    }

    /// <summary>Removes the keys of <paramref name="target"/> that the object at <paramref name="source"/> (a copy of the reader on its start) lacks.</summary>
    public static bool RemoveMissing(JsonObject target, Utf8JsonReader source, int seen)
    {
        if (seen == target.Count)
        {
            return false;
        }

        // Rare (a key went away): allocating here is fine.
        var present = new HashSet<string>(StringComparer.Ordinal);
        while (source.Read() && source.TokenType == JsonTokenType.PropertyName)
        {
            present.Add(source.GetString()!);
            source.Read();
            source.Skip();
        }

        for (var i = target.Count - 1; i >= 0; i--)
        {
            if (!present.Contains(target.GetAt(i).Key))
            {
                target.RemoveAt(i);
            }
        }

        return true;
    }

    private static bool SyncObject(JsonObject target, ref Utf8JsonReader reader, BambuPropertyNames names, BambuCacheShape shape)
    {
        var start = reader;
        var changed = false;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!shape.TryEnter(ref reader, names, out var key, out var child))
            {
                continue;
            }

            seen++;
            changed |= SyncValue(target, key, ref reader, names, child);
        }

        return RemoveMissing(target, start, seen) | changed;
    }

    /// <summary>A new node for the value the reader stands on; the reader ends on its last token.</summary>
    public static JsonNode? Build(ref Utf8JsonReader reader, BambuPropertyNames names, BambuCacheShape shape)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new JsonObject();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (shape.TryEnter(ref reader, names, out var key, out var child))
                    {
                        obj.Add(key, Build(ref reader, names, child));
                    }
                }

                return obj;
            case JsonTokenType.StartArray:
                var array = new JsonArray();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    array.Add(Build(ref reader, names, shape));
                }

                return array;
            case JsonTokenType.String:
                return JsonValue.Create(reader.GetString()!);
            case JsonTokenType.Number:
                // A literal a double would print differently (1.0, 1e3, ids beyond 2^53) keeps its text.
                return reader.TryGetDouble(out var number) && BambuNodeComparer.IsExactText(number, reader.ValueSpan)
                    ? JsonValue.Create(number)
                    : JsonValue.Create(JsonElement.ParseValue(ref reader));
            case JsonTokenType.True or JsonTokenType.False:
                return JsonValue.Create(reader.TokenType == JsonTokenType.True);
            default:
                return null;
        }
    }

    private static bool MergeObject(JsonObject target, ref Utf8JsonReader reader, BambuPropertyNames names, BambuCacheShape shape)
    {
        var changed = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (shape.TryEnter(ref reader, names, out var key, out var child))
            {
                changed |= MergeValue(target, key, ref reader, names, child);
            }
        }

        return changed;
    }

    private static bool MergeArray(JsonArray target, ref Utf8JsonReader reader, BambuPropertyNames names, BambuCacheShape shape, string identity)
    {
        var changed = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            var id = IdOf(reader, identity);
            JsonObject? match = null;
            for (var i = 0; i < target.Count && match is null; i++)
            {
                if (target[i] is JsonObject element && element.TryGetPropertyValue(identity, out var elementId) && BambuNodeComparer.SameId(elementId, ref id))
                {
                    match = element;
                }
            }

            if (match is null)
            {
                target.Add(Build(ref reader, names, shape));
                changed = true;
            }
            else
            {
                changed |= MergeObject(match, ref reader, names, shape);
            }
        }

        return changed;
    }

    /// <summary>
    /// <c>id</c> when every element is an object with a string or number <c>id</c>, else the same
    /// for <c>node</c>, else null (the array replaces). Reads a copy of the reader.
    /// </summary>
    private static string? IdentityKey(Utf8JsonReader reader)
    {
        bool allId = true, allNode = true, any = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            any = true;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            bool id = false, node = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals(IdKey);
                var isNode = !isId && reader.ValueTextEquals(NodeKey);
                reader.Read();
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
                {
                    id |= isId;
                    node |= isNode;
                }
                else
                {
                    reader.Skip();
                }
            }

            allId &= id;
            allNode &= node;
        }

        return !any ? null : allId ? IdKey : allNode ? NodeKey : null;
    }

    /// <summary>A copy of the reader standing on the identity value of the object it stands on.</summary>
    private static Utf8JsonReader IdOf(Utf8JsonReader reader, string identity)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var found = reader.ValueTextEquals(identity);
            reader.Read();
            if (found)
            {
                return reader;
            }

            reader.Skip();
        }

        throw new InvalidOperationException("identity checked before merging");
    }
}
