using System.Text.Json;

namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>
/// Turns an error body into one line a person can read. Buddy sends <c>{title, message}</c>
/// or plain text, the Pi <c>{title, message}</c>, the spec <c>{title, text}</c> (facts §3.10).
/// </summary>
internal static class PrusaErrorReader
{
    private const int MaxLength = 200;

    /// <summary>The printer's detail message, or null when the body says nothing beyond the status code.</summary>
    public static string? ReadMessage(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        var trimmed = body.Trim();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                using var document = PrusaJson.ParseObject(trimmed, "error");
                var root = document.RootElement;
                return Clean(PrusaJson.String(root, "message")) ?? Clean(PrusaJson.String(root, "text"));
            }
            catch (PrusaBadResponseException)
            {
                return null;
            }
        }

        // Plain text: "<code> <reason>\n\n<detail>\n"; the status line itself adds nothing.
        var lines = trimmed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length > 1 ? Clean(string.Join(' ', lines.Skip(1))) : null;
    }

    /// <summary>The <c>title</c> of a JSON error body, e.g. <c>401: Unauthorized</c>.</summary>
    public static string? ReadTitle(string body)
    {
        try
        {
            using var document = PrusaJson.ParseObject(body, "error");
            return Clean(PrusaJson.String(document.RootElement, "title"));
        }
        catch (PrusaBadResponseException)
        {
            return null;
        }
    }

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var oneLine = new string(text.Trim().Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return oneLine.Length > MaxLength ? oneLine[..MaxLength] : oneLine;
    }
}
