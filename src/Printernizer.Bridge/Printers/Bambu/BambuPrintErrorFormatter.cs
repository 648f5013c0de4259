using System.Collections.Frozen;
using System.Globalization;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>Renders <c>print_error</c> as <c>XXXX_XXXX</c> with the known texts from Bambu's table.</summary>
internal static class BambuPrintErrorFormatter
{
    public const long CancelledByUser = 0x0300400C;
    public const long PrintingCancelled = 0x0500400E;

    private static readonly FrozenDictionary<string, string> Texts = new Dictionary<string, string>
    {
        ["0300_400C"] = "The task was canceled.",
        ["0500_400E"] = "Printing was cancelled.",
        ["0300_8001"] = "Printing was paused by the user.",
        ["0300_8015"] = "The filament on the external spool has run out.",
        ["0700_8006"] = "Unable to feed filament into the extruder.",
        ["0500_8062"] = "The build plate marker was not detected.",
        ["0500_C010"] = "SD card or USB storage read/write exception.",
        ["0502_4007"] = "MQTT command verification failed.",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool IsCancel(long? code) => code is CancelledByUser or PrintingCancelled;

    public static string Format(long code)
    {
        var bits = unchecked((uint)code);
        return string.Create(CultureInfo.InvariantCulture, $"{bits >> 16:X4}_{bits & 0xFFFF:X4}");
    }

    public static string? Text(string formatted) => Texts.GetValueOrDefault(formatted);

    /// <summary>The error to show, or null for 0 and for the cancel codes (a user action, not a fault).</summary>
    public static PrinterError? ToError(long? code)
    {
        if (code is null or 0 || IsCancel(code))
        {
            return null;
        }

        var formatted = Format(code.Value);
        return new PrinterError(formatted, Text(formatted));
    }
}
