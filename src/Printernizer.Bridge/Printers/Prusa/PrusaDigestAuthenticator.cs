using System.Security.Cryptography;
using System.Text;

namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>
/// Client side of PrusaLink Digest auth. Caches the last challenge so every request carries an
/// <c>Authorization</c> header up front: the printer has three connection slots, and a 401
/// round trip per request would double the traffic. Not thread-safe: the client serializes calls.
/// </summary>
internal sealed class PrusaDigestAuthenticator
{
    private readonly string _username;
    private readonly string _password;
    private readonly Func<string> _cnonceFactory;
    private PrusaDigestChallenge? _challenge;
    private int _nonceCount;

    public PrusaDigestAuthenticator(string username, string password, Func<string>? cnonceFactory = null)
    {
        _username = username;
        _password = password;
        _cnonceFactory = cnonceFactory ?? (() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
    }

    public bool HasChallenge => _challenge is not null;

    /// <summary>The header for this request from the cached nonce, or null before the first challenge.</summary>
    /// <param name="uri">The request target exactly as sent: the server hashes the bytes it received.</param>
    public string? CreateAuthorization(string method, string uri)
    {
        var challenge = _challenge;
        if (challenge is null)
        {
            return null;
        }

        var ha1 = Md5Hex($"{_username}:{challenge.Realm}:{_password}");
        var ha2 = Md5Hex($"{method}:{uri}");
        var header = new StringBuilder("Digest ");
        header.Append($"username=\"{_username}\", realm=\"{challenge.Realm}\", nonce=\"{challenge.Nonce}\", uri=\"{uri}\"");
        if (challenge.OffersQopAuth)
        {
            // RFC 2617: only when offered; Buddy rejects qop/nc/cnonce if its challenge had no qop.
            _nonceCount++;
            var nc = _nonceCount.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
            var cnonce = _cnonceFactory();
            var response = Md5Hex($"{ha1}:{challenge.Nonce}:{nc}:{cnonce}:auth:{ha2}");
            header.Append($", qop=auth, nc={nc}, cnonce=\"{cnonce}\", response=\"{response}\"");
            if (challenge.Algorithm is not null)
            {
                header.Append($", algorithm={challenge.Algorithm}");
            }
        }
        else
        {
            // RFC 2069 form; no algorithm parameter because firmware before ~5.2 rejected it.
            header.Append($", response=\"{Md5Hex($"{ha1}:{challenge.Nonce}:{ha2}")}\"");
        }

        if (challenge.Opaque is not null)
        {
            header.Append($", opaque=\"{challenge.Opaque}\"");
        }

        return header.ToString();
    }

    /// <summary>
    /// Digests a 401. True means "send the request once more with the new nonce": the first
    /// challenge, or a stale nonce. False means the credentials themselves were refused.
    /// </summary>
    /// <param name="sentAuthorization">Whether the refused request carried a Digest header.</param>
    public bool OnUnauthorized(IEnumerable<string> digestChallengeParameters, bool sentAuthorization)
    {
        var challenge = digestChallengeParameters.Select(PrusaDigestChallenge.TryParse).FirstOrDefault(c => c is not null);
        if (challenge is null)
        {
            return false;
        }

        var retry = !sentAuthorization || challenge.Stale;
        _challenge = challenge;
        _nonceCount = 0;
        return retry;
    }

    /// <summary>Drops the cached nonce, e.g. after the printer went away (a reboot invalidates all nonces).</summary>
    public void Reset()
    {
        _challenge = null;
        _nonceCount = 0;
    }

    private static string Md5Hex(string text) =>
#pragma warning disable CA5351 // MD5 is what HTTP Digest as implemented by the printer requires.
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
}
