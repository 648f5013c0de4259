using System.Globalization;
using System.Text.RegularExpressions;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Bambu.Ftps;

/// <summary>
/// Parses Unix <c>ls -l</c> style <c>LIST</c> lines in both date forms: <c>Nov 25 12:20</c>
/// (recent: the year is the one that puts the date not in the future) and <c>Jan 01  2020</c>.
/// Times are taken as UTC, as vsFTPd sends them by default.
/// </summary>
internal static partial class FtpListParser
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static IReadOnlyList<PrinterFileEntry> Parse(IEnumerable<string> lines, string folder, DateTimeOffset now)
    {
        var entries = new List<PrinterFileEntry>();
        foreach (var line in lines)
        {
            if (ParseLine(line, folder, now) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    public static PrinterFileEntry? ParseLine(string line, string folder, DateTimeOffset now)
    {
        var match = Line().Match(line.TrimEnd('\r'));
        if (!match.Success)
        {
            return null;
        }

        var kind = match.Groups["kind"].Value[0];
        var name = match.Groups["name"].Value;
        if (kind == 'l' && name.IndexOf(" -> ", StringComparison.Ordinal) is var arrow and > 0)
        {
            name = name[..arrow];
        }

        if (name is "." or ".." || name.Contains('/', StringComparison.Ordinal))
        {
            return null;
        }

        var isFolder = kind == 'd';
        var path = folder.TrimEnd('/') + "/" + name;
        return new PrinterFileEntry(
            name,
            path,
            isFolder ? null : long.Parse(match.Groups["size"].Value, CultureInfo.InvariantCulture),
            ParseDate(match, now),
            isFolder ? PrinterFileType.Folder : BambuFileKinds.Classify(path),
            name);
    }

    private static DateTimeOffset? ParseDate(Match match, DateTimeOffset now)
    {
        var month = Array.IndexOf(Months, CultureInfo.InvariantCulture.TextInfo.ToTitleCase(match.Groups["month"].Value.ToLowerInvariant())) + 1;
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        if (month == 0 || day is < 1 or > 31)
        {
            return null;
        }

        if (match.Groups["year"].Success)
        {
            return Create(int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture), month, day, 0, 0);
        }

        var hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture);
        var date = Create(now.UtcDateTime.Year, month, day, hour, minute);

        // ls shows the time instead of the year for the last six months; a date ahead of now is last year's.
        return date is { } d && d > now.AddDays(1) ? Create(now.UtcDateTime.Year - 1, month, day, hour, minute) : date;
    }

    private static DateTimeOffset? Create(int year, int month, int day, int hour, int minute) =>
        day <= DateTime.DaysInMonth(year, month) && hour < 24 && minute < 60
            ? new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero)
            : null;

    [GeneratedRegex(@"^(?<kind>[-dlcbps])[-rwxsStTl]{9}[+@.]?\s+\d+\s+\S+\s+\S+\s+(?<size>\d+)\s+(?<month>[A-Za-z]{3})\s+(?<day>\d{1,2})\s+(?:(?<hour>\d{1,2}):(?<minute>\d{2})|(?<year>\d{4}))\s(?<name>.+)$")]
    private static partial Regex Line();
}
