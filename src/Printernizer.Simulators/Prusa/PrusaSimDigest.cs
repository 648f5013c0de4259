using System.Security.Cryptography;
using System.Text;

namespace Printernizer.Simulators.Prusa;

/// <summary>The server side of Digest: parameter parsing and the expected response.</summary>
internal static class PrusaSimDigest
{
    public static Dictionary<string, string> ParseParameters(string header)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < header.Length)
        {
            while (i < header.Length && (header[i] == ',' || header[i] == ' '))
            {
                i++;
            }

            var eq = header.IndexOf('=', i);
            if (eq < 0)
            {
                break;
            }

            var key = header[i..eq].Trim();
            i = eq + 1;
            string value;
            if (i < header.Length && header[i] == '"')
            {
                var end = header.IndexOf('"', i + 1);
                end = end < 0 ? header.Length : end;
                value = header[(i + 1)..end];
                i = end + 1;
            }
            else
            {
                var end = header.IndexOf(',', i);
                end = end < 0 ? header.Length : end;
                value = header[i..end].Trim();
                i = end;
            }

            result[key] = value;
        }

        return result;
    }

    /// <summary>RFC 2069 without <paramref name="qop"/>, RFC 2617 with it.</summary>
    public static string ExpectedResponse(
        string username, string realm, string password, string method, string uri, string nonce, string? qop, string? nc, string? cnonce)
    {
        var ha1 = Md5($"{username}:{realm}:{password}");
        var ha2 = Md5($"{method}:{uri}");
        return qop is null ? Md5($"{ha1}:{nonce}:{ha2}") : Md5($"{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}");
    }

    public static string Md5(string text) =>
#pragma warning disable CA5351 // HTTP Digest as the printer implements it is MD5.
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
}
