using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// Which parts of a <c>print</c> report the cache keeps. An X1C report holds ~100 fields and
/// every AMS tray ~25 (RFID ids, drying and nozzle settings, ...), and a cached JsonObject costs
/// several times its text: in a 1,000-printer fleet the full reports were a third of the heap.
/// The normalizer reads a few dozen fields; a level with a shape keeps only those (and their
/// identity keys, so arrays still merge element by element), a level without one keeps everything.
/// Immutable, shared by every printer.
/// </summary>
internal sealed class BambuCacheShape
{
    private const int MaxNameChars = 128;

    private readonly FrozenDictionary<string, (string Key, BambuCacheShape Shape)>? _children;
    private readonly FrozenDictionary<string, (string Key, BambuCacheShape Shape)>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private BambuCacheShape(FrozenDictionary<string, (string Key, BambuCacheShape Shape)>? children)
    {
        _children = children;
        if (children is not null)
        {
            _lookup = children.GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }

    /// <summary>Keeps everything below (the reference the shaped cache is tested against).</summary>
    public static BambuCacheShape Everything { get; } = new(null);

    /// <summary>What <see cref="BambuReportNormalizer"/> and its readers read; nothing else is cached.</summary>
    public static BambuCacheShape Read { get; } = BuildRead();

    /// <summary>
    /// Reads the property name the reader stands on and moves to its value. A kept value is left
    /// for the caller, with <paramref name="key"/> its name (the shape's own string where it has
    /// one, so printers share it) and <paramref name="child"/> its shape; a value not kept is
    /// skipped (the reader ends on its last token) and false returned.
    /// </summary>
    public bool TryEnter(ref Utf8JsonReader reader, BambuPropertyNames names, out string key, out BambuCacheShape child)
    {
        bool kept;
        if (_children is null)
        {
            key = names.Get(ref reader);
            child = this;
            kept = true;
        }
        else
        {
            kept = Find(ref reader, out key, out child);
        }

        reader.Read();
        if (!kept)
        {
            reader.Skip();
        }

        return kept;
    }

    /// <summary>Whether the property name the reader stands on is kept, and the shape of its value; the reader does not move.</summary>
    public bool TryChild(ref Utf8JsonReader reader, out BambuCacheShape child)
    {
        if (_children is null)
        {
            child = this;
            return true;
        }

        return Find(ref reader, out _, out child);
    }

    /// <summary>Whether <paramref name="name"/> is kept (an identity key, say).</summary>
    public bool Keeps(string name) => _children is null || _children.ContainsKey(name);

    private bool Find(ref Utf8JsonReader reader, out string key, out BambuCacheShape child)
    {
        Span<char> chars = stackalloc char[MaxNameChars];
        (string Key, BambuCacheShape Shape) found;
        var hit = reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxNameChars
            || Utf8.ToUtf16(reader.ValueSpan, chars, out _, out var written) != System.Buffers.OperationStatus.Done
                ? _children!.TryGetValue(reader.GetString()!, out found)
                : _lookup.TryGetValue(chars[..written], out found);
        (key, child) = hit ? found : (string.Empty, Everything);
        return hit;
    }

    /// <summary>Removes what this shape does not keep from a decoded value, in place (the node path).</summary>
    public void Prune(JsonNode? node)
    {
        if (_children is null)
        {
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                for (var i = obj.Count - 1; i >= 0; i--)
                {
                    var (name, value) = obj.GetAt(i);
                    if (_children.TryGetValue(name, out var child))
                    {
                        child.Shape.Prune(value);
                    }
                    else
                    {
                        obj.RemoveAt(i);
                    }
                }

                break;
            case JsonArray array:
                foreach (var element in array)
                {
                    Prune(element);
                }

                break;
        }
    }

    private static BambuCacheShape Only(params (string Key, BambuCacheShape Shape)[] children) =>
        new(children.ToFrozenDictionary(c => c.Key, c => c, StringComparer.Ordinal));

    private static (string, BambuCacheShape) All(string key) => (key, Everything);

    private static BambuCacheShape BuildRead()
    {
        // A spool: an AMS tray, vt_tray, or an entry of vir_slot (BambuFilamentReader.Spool).
        var spool = Only(All("id"), All("tray_type"), All("tray_color"), All("remain"));
        var unit = Only(All("id"), All("humidity_raw"), All("temp"), ("tray", spool));
        return Only(
            All("gcode_state"), All("print_error"), All("fun"), All("stg_cur"), All("stage"), All("hms"),
            All("device"), All("lights_report"), All("3D"),
            All("subtask_name"), All("gcode_file"), All("job_id"), All("task_id"), All("subtask_id"), All("gcode_start_time"),
            All("mc_percent"), All("mc_remaining_time"), All("layer_num"), All("total_layer_num"),
            All("nozzle_temper"), All("nozzle_target_temper"), All("bed_temper"), All("bed_target_temper"), All("chamber_temper"),
            All("cooling_fan_speed"), All("big_fan1_speed"), All("big_fan2_speed"), All("spd_lvl"), All("spd_mag"),
            ("ams", Only(All("tray_now"), All("tray_exist_bits"), ("ams", unit))),
            ("vt_tray", spool),
            ("vir_slot", spool));
    }
}
