using System.Globalization;
using System.Security.Cryptography;

namespace Printernizer.Simulators.Prusa;

/// <summary>
/// Checks credentials like the two servers: Buddy nonces are a per-boot random plus the uptime
/// in seconds, valid for <see cref="PrusaSimulatorOptions.NonceLifetime"/>, no qop; Pi nonces are
/// signed timestamps with qop=auth. A correct digest over an old nonce gets <c>stale=true</c>.
/// </summary>
internal sealed class PrusaSimAuthenticator
{
    private readonly PrusaSimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly long _bootTimestamp;
    private readonly uint _bootRandom = (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
    private readonly string _opaque = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public PrusaSimAuthenticator(PrusaSimulatorOptions options)
    {
        _options = options;
        _time = options.TimeProvider;
        _bootTimestamp = _time.GetTimestamp();
    }

    private bool IsBuddy => _options.Flavour == PrusaFlavour.Buddy;

    /// <summary>Null when the request may pass, else the refusal to send.</summary>
    public PrusaHttpResponse? Check(PrusaHttpRequest request, bool refuseAll)
    {
        if (request.Header("X-Api-Key") is { } key)
        {
            return !refuseAll && KeyMatches(key) ? null : RefuseApiKey(request);
        }

        if (request.Header("Authorization") is not { } authorization
            || !authorization.StartsWith("Digest ", StringComparison.OrdinalIgnoreCase))
        {
            return Challenge(request, stale: false);
        }

        var p = PrusaSimDigest.ParseParameters(authorization["Digest ".Length..]);
        var qop = p.GetValueOrDefault("qop");
        if (refuseAll || (IsBuddy && qop is not null) || _options.Password.Length == 0
            || p.GetValueOrDefault("username") != _options.Username || p.GetValueOrDefault("realm") != _options.Realm
            || p.GetValueOrDefault("uri") != request.Target || p.GetValueOrDefault("nonce") is not { } nonce)
        {
            return Challenge(request, stale: false);
        }

        var expected = PrusaSimDigest.ExpectedResponse(
            _options.Username, _options.Realm, _options.Password, request.Method, request.Target, nonce, qop, p.GetValueOrDefault("nc"), p.GetValueOrDefault("cnonce"));
        if (!string.Equals(expected, p.GetValueOrDefault("response"), StringComparison.Ordinal))
        {
            return Challenge(request, stale: false);
        }

        return NonceIsFresh(nonce) ? null : Challenge(request, stale: true);
    }

    private bool KeyMatches(string key) =>
        IsBuddy
            ? (_options.Password.Length > 0 && key == _options.Password) || (_options.ApiKey is { } extra && key == extra)
            : _options.ApiKey is { } configured && key == configured;

    private PrusaHttpResponse RefuseApiKey(PrusaHttpRequest request) =>
        IsBuddy
            ? Unauthorized(request).WithHeader("WWW-Authenticate", "ApiKey realm=\"Printer API\"")
            : PrusaHttpResponse.Text(403, "Bad X-Api-Key.");

    private PrusaHttpResponse Challenge(PrusaHttpRequest request, bool stale)
    {
        var staleText = stale ? "true" : "false";
        var header = IsBuddy
            ? $"Digest realm=\"{_options.Realm}\", nonce=\"{NewNonce()}\", stale={staleText}"
            : $"Digest realm=\"{_options.Realm}\", qop=\"auth\", nonce=\"{NewNonce()}\", opaque=\"{_opaque}\", algorithm=\"MD5\", stale={staleText}";
        return Unauthorized(request).WithHeader("WWW-Authenticate", header);
    }

    private PrusaHttpResponse Unauthorized(PrusaHttpRequest request) =>
        IsBuddy
            ? request.AcceptsJson
                ? PrusaHttpResponse.Json(401, "{\"title\": \"401: Unauthorized\",\"message\":\"\"}")
                : PrusaHttpResponse.Text(401, "401: Unauthorized\n\n\n")
            : PrusaHttpResponse.Json(401, "{\"title\": \"Unauthorized\", \"message\": \"Authorization required\"}");

    private uint UptimeSeconds => (uint)_time.GetElapsedTime(_bootTimestamp).TotalSeconds;

    private string NewNonce() =>
        IsBuddy
            ? $"{_bootRandom:x8}{UptimeSeconds:x8}"
            : $"{UptimeSeconds:x8}{PrusaSimDigest.Md5($"{_bootRandom}:{UptimeSeconds}")[..8]}";

    private bool NonceIsFresh(string nonce)
    {
        if (nonce.Length != 16 || !uint.TryParse(IsBuddy ? nonce[8..] : nonce[..8], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var issued))
        {
            return false;
        }

        var signed = IsBuddy
            ? nonce[..8] == _bootRandom.ToString("x8", CultureInfo.InvariantCulture)
            : nonce[8..] == PrusaSimDigest.Md5($"{_bootRandom}:{issued}")[..8];
        return signed && UptimeSeconds - issued <= _options.NonceLifetime.TotalSeconds;
    }
}
