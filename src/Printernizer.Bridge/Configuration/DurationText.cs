using System.Globalization;

namespace Printernizer.Bridge.Configuration;

/// <summary>Durations as written in the file: <c>90</c> (seconds), <c>500ms</c>, <c>60s</c>, <c>5m</c>, <c>1h</c>, <c>1m30s</c>.</summary>
internal static class DurationText
{
    // Nine digits cannot overflow any unit below and already mean more than 30 years.
    private const int MaxDigits = 9;

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        text = text.Trim();
        if (text.Length == 0)
        {
            return false;
        }

        if (text.All(char.IsAsciiDigit))
        {
            return text.Length <= MaxDigits && TryAdd(ref duration, long.Parse(text, CultureInfo.InvariantCulture), "s");
        }

        var position = 0;
        while (position < text.Length)
        {
            var digitsStart = position;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }

            var unitStart = position;
            while (position < text.Length && char.IsAsciiLetter(text[position]))
            {
                position++;
            }

            var digits = unitStart - digitsStart;
            if (digits == 0 || digits > MaxDigits || position == unitStart)
            {
                return false;
            }

            var amount = long.Parse(text.AsSpan(digitsStart, digits), CultureInfo.InvariantCulture);
            if (!TryAdd(ref duration, amount, text[unitStart..position]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The shortest exact form, for messages: <c>500ms</c>, <c>90s</c>, <c>5m</c>, <c>1h</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        var ms = (long)duration.TotalMilliseconds;
        return ms switch
        {
            _ when ms % 3_600_000 == 0 && ms != 0 => $"{ms / 3_600_000}h",
            _ when ms % 60_000 == 0 && ms != 0 => $"{ms / 60_000}m",
            _ when ms % 1_000 == 0 => $"{ms / 1_000}s",
            _ => $"{ms}ms",
        };
    }

    private static bool TryAdd(ref TimeSpan duration, long amount, string unit)
    {
        TimeSpan? part = unit.ToLowerInvariant() switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => null,
        };
        if (part is null)
        {
            return false;
        }

        duration += part.Value;
        return true;
    }
}
