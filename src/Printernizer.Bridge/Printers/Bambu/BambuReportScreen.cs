using System.Text.Json;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// Decides, without allocating, whether a payload is a plain <c>push_status</c> report that can be
/// merged straight from its bytes: well-formed, within the limits, no duplicate property names, no
/// escaped names or strings, no <c>info</c>, no acknowledgement, and nothing the sanitizer would drop. Everything else
/// (every fault, every oddity) takes the node path, which counts and handles it as before.
/// </summary>
internal sealed class BambuReportScreen
{
    private const int MaxNames = 16 * 1024;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = BambuPayloadDecoder.MaxDepth };

    // Names of the objects currently open, innermost last, to refuse duplicates as the node parser does.
    private (int Hash, int Start, int Length)[] _names = new (int, int, int)[128];

    /// <param name="msg">The report's <c>msg</c> (0 full, 1 delta), null when absent.</param>
    public bool TryScreen(ReadOnlySpan<byte> payload, out int? msg)
    {
        msg = null;
        if (payload.Length > BambuPayloadDecoder.MaxBytes || !System.Text.Unicode.Utf8.IsValid(payload))
        {
            return false;
        }

        try
        {
            return Walk(payload, ref msg);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private bool Walk(ReadOnlySpan<byte> payload, ref int? msg)
    {
        var reader = new Utf8JsonReader(payload, ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        Span<int> openObjects = stackalloc int[BambuPayloadDecoder.MaxDepth + 1];
        var open = 1;
        var count = 0;
        openObjects[0] = 0;
        bool sawPrint = false, inPrint = false, inAms = false;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    openObjects[open++] = count;
                    break;
                case JsonTokenType.EndObject:
                    count = openObjects[--open];
                    inPrint &= reader.CurrentDepth > 1;
                    inAms &= reader.CurrentDepth > 2;
                    break;
                case JsonTokenType.String when reader.ValueIsEscaped:
                    // Escapes are rare in reports, and one that cannot be unescaped (a lone surrogate)
                    // must not throw halfway through a merge: the node path reads it lazily, as before.
                    return false;
                case JsonTokenType.PropertyName:
                    if (reader.ValueIsEscaped || !AddName(payload, ref reader, openObjects[open - 1], ref count))
                    {
                        return false;
                    }

                    var value = reader;
                    value.Read();
                    switch (reader.CurrentDepth)
                    {
                        case 1 when reader.ValueTextEquals("info"u8):
                            return false;
                        case 1 when reader.ValueTextEquals("print"u8):
                            if (value.TokenType != JsonTokenType.StartObject)
                            {
                                return false;
                            }

                            sawPrint = inPrint = true;
                            break;
                        case 2 when inPrint:
                            if (!PrintFieldFits(ref reader, ref value, ref msg))
                            {
                                return false;
                            }

                            inAms = reader.ValueTextEquals("ams"u8) && value.TokenType == JsonTokenType.StartObject;
                            break;
                        case 3 when inAms && reader.ValueTextEquals("ams"u8):
                            if (value.TokenType is not (JsonTokenType.StartArray or JsonTokenType.Null))
                            {
                                return false;
                            }

                            break;
                    }

                    break;
            }
        }

        return sawPrint;
    }

    private static bool PrintFieldFits(ref Utf8JsonReader name, ref Utf8JsonReader value, ref int? msg)
    {
        if (name.ValueTextEquals("result"u8) || name.ValueTextEquals("err_code"u8))
        {
            return false;
        }

        if (name.ValueTextEquals("command"u8))
        {
            return value.TokenType switch
            {
                JsonTokenType.String => value.ValueTextEquals("push_status"u8),
                JsonTokenType.Number => false,
                _ => true,
            };
        }

        if (name.ValueTextEquals("msg"u8))
        {
            if (value.TokenType == JsonTokenType.Number && value.TryGetInt32(out var number))
            {
                msg = number;
                return true;
            }

            return value.TokenType == JsonTokenType.Null;
        }

        return BambuReportSanitizer.Fits(ref name, ref value);
    }

    private bool AddName(ReadOnlySpan<byte> payload, ref Utf8JsonReader reader, int first, ref int count)
    {
        var name = reader.ValueSpan;
        var hash = new HashCode();
        hash.AddBytes(name);
        var code = hash.ToHashCode();
        for (var i = first; i < count; i++)
        {
            var (otherHash, start, length) = _names[i];
            if (otherHash == code && payload.Slice(start, length).SequenceEqual(name))
            {
                return false;
            }
        }

        if (count == MaxNames)
        {
            return false;
        }

        if (count == _names.Length)
        {
            Array.Resize(ref _names, count * 2);
        }

        _names[count++] = (code, (int)reader.TokenStartIndex + 1, name.Length);
        return true;
    }
}
