using System.Globalization;
using System.Text.RegularExpressions;

namespace Printernizer.Bridge.Printers.Bambu.Ftps;

/// <summary>Reads the port of a <c>227 Entering Passive Mode (h1,h2,h3,h4,p1,p2)</c> reply.</summary>
internal static partial class FtpPassiveEndpoint
{
    /// <remarks>
    /// Only the port is used: the data connection goes to the host of the control connection,
    /// since a printer behind NAT or with several addresses may advertise one the client cannot reach.
    /// </remarks>
    public static int ParsePort(FtpReply reply)
    {
        var match = Numbers().Match(reply.Text);
        if (reply.Code != 227 || !match.Success)
        {
            throw new PrinterFileException("protocol", $"the printer refused passive mode: {reply}");
        }

        var high = int.Parse(match.Groups[5].Value, CultureInfo.InvariantCulture);
        var low = int.Parse(match.Groups[6].Value, CultureInfo.InvariantCulture);
        var port = (high * 256) + low;
        return port is > 0 and <= 65535
            ? port
            : throw new PrinterFileException("protocol", $"the printer announced an invalid passive port: {reply}");
    }

    [GeneratedRegex(@"(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3})")]
    private static partial Regex Numbers();
}
