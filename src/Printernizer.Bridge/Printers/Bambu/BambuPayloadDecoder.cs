using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// Bytes from the report topic to a JSON object, with the limits checked before parsing:
/// over 1 MiB or nested deeper than 64 is refused; invalid UTF-8 is read as Latin-1 (job names
/// with umlauts on some firmware) and still used.
/// </summary>
internal sealed class BambuPayloadDecoder
{
    public const int MaxBytes = 1024 * 1024;
    public const int MaxDepth = 64;

    // Duplicate keys are refused here: a lazily built JsonObject would otherwise throw on first access, far from the parser.
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = MaxDepth, AllowDuplicateProperties = false };

    private readonly BambuInputFaultCounter _faults;

    public BambuPayloadDecoder(BambuInputFaultCounter faults)
    {
        _faults = faults;
    }

    /// <summary>For payloads the receiver did not even copy.</summary>
    public void RecordOversize(int length) => _faults.Record(BambuInputFault.TooLarge, $"{length} bytes");

    public JsonObject? Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.Length > MaxBytes)
        {
            RecordOversize(payload.Length);
            return null;
        }

        if (NestingDepth(payload) > MaxDepth)
        {
            _faults.Record(BambuInputFault.TooDeep, $"nesting deeper than {MaxDepth}");
            return null;
        }

        byte[]? transcoded = null;
        if (!System.Text.Unicode.Utf8.IsValid(payload))
        {
            _faults.Record(BambuInputFault.NonUtf8, "payload is not UTF-8, read as Latin-1");
            transcoded = Encoding.UTF8.GetBytes(Encoding.Latin1.GetString(payload));
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(transcoded ?? payload, documentOptions: ParseOptions);
        }
        catch (JsonException ex)
        {
            _faults.Record(BambuInputFault.InvalidJson, ex.Message);
            return null;
        }

        if (node is not JsonObject root)
        {
            _faults.Record(BambuInputFault.NotAnObject, "top level is not a JSON object");
            return null;
        }

        return root;
    }

    /// <summary>Counts brackets outside strings, so a hostile payload is refused before the parser allocates for it.</summary>
    internal static int NestingDepth(ReadOnlySpan<byte> payload)
    {
        int depth = 0, max = 0;
        bool inString = false, escaped = false;
        foreach (var b in payload)
        {
            if (inString)
            {
                if (escaped) { escaped = false; }
                else if (b == (byte)'\\') { escaped = true; }
                else if (b == (byte)'"') { inString = false; }
                continue;
            }

            switch (b)
            {
                case (byte)'"': inString = true; break;
                case (byte)'{' or (byte)'[': max = Math.Max(max, ++depth); break;
                case (byte)'}' or (byte)']': depth--; break;
            }
        }

        return max;
    }
}
