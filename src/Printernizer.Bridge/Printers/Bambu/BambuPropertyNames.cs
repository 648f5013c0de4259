using System.Text.Json;
using System.Text.Unicode;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// Property names of one printer's reports as strings, made once: a delta repeats the same few
/// hundred names every second, and a <see cref="System.Text.Json.Nodes.JsonObject"/> is looked up by string.
/// Bounded, so a hostile stream of ever-new names costs allocations but no memory growth.
/// </summary>
internal sealed class BambuPropertyNames
{
    private const int MaxNames = 4096;
    private const int MaxNameChars = 128;

    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public BambuPropertyNames()
    {
        _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The name at the reader, which stands on a property name.</summary>
    public string Get(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (reader.ValueIsEscaped || reader.HasValueSequence || raw.Length > MaxNameChars)
        {
            return reader.GetString()!;
        }

        Span<char> chars = stackalloc char[MaxNameChars];
        if (Utf8.ToUtf16(raw, chars, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            return reader.GetString()!;
        }

        var span = chars[..written];
        if (_lookup.TryGetValue(span, out var name))
        {
            return name;
        }

        name = span.ToString();
        if (_names.Count < MaxNames)
        {
            _names.Add(name);
        }

        return name;
    }
}
