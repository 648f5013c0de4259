namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>A parsed <c>WWW-Authenticate: Digest …</c> challenge.</summary>
/// <param name="Qop">Null when the server offers none (Buddy: RFC 2069 form).</param>
/// <param name="Algorithm">As sent, or null; Buddy sends none.</param>
internal sealed record PrusaDigestChallenge(
    string Realm,
    string Nonce,
    string? Qop,
    string? Opaque,
    string? Algorithm,
    bool Stale)
{
    /// <summary>True when the server offers <c>qop=auth</c> (possibly among other options).</summary>
    public bool OffersQopAuth =>
        Qop is not null && Qop.Split(',', StringSplitOptions.TrimEntries).Contains("auth", StringComparer.OrdinalIgnoreCase);

    /// <summary>Parses the parameter part of a Digest challenge (everything after the scheme).</summary>
    public static PrusaDigestChallenge? TryParse(string? parameters)
    {
        if (parameters is null)
        {
            return null;
        }

        var values = PrusaHeaderParameters.Parse(parameters);
        if (!values.TryGetValue("realm", out var realm) || !values.TryGetValue("nonce", out var nonce) || nonce.Length == 0)
        {
            return null;
        }

        return new PrusaDigestChallenge(
            realm,
            nonce,
            values.GetValueOrDefault("qop"),
            values.GetValueOrDefault("opaque"),
            values.GetValueOrDefault("algorithm"),
            string.Equals(values.GetValueOrDefault("stale"), "true", StringComparison.OrdinalIgnoreCase));
    }
}
