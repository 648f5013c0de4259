using System.Security.Cryptography;
using System.Text;
using Printernizer.Bridge.Printers.Prusa;

namespace Printernizer.Bridge.UnitTests.Printers.Prusa;

public sealed class PrusaDigestAuthenticatorTests
{
    // The real Buddy challenge quoted in the facts file.
    private const string BuddyChallenge = "realm=\"Printer API\", nonce=\"a9dae69e0000280a\", stale=false";

    [Fact]
    public void CreateAuthorization_BuddyChallenge_MatchesFirmwareRfc2069Response()
    {
        var auth = new PrusaDigestAuthenticator("maker", "s3cret");
        Assert.True(auth.OnUnauthorized([BuddyChallenge], sentAuthorization: false));

        var header = auth.CreateAuthorization("GET", "/api/v1/status");

        // Computed here independently: MD5(MD5(user:realm:pass):nonce:MD5(method:uri)).
        var ha1 = Md5("maker:Printer API:s3cret");
        var ha2 = Md5("GET:/api/v1/status");
        var expected = Md5($"{ha1}:a9dae69e0000280a:{ha2}");
        Assert.Equal(
            $"Digest username=\"maker\", realm=\"Printer API\", nonce=\"a9dae69e0000280a\", uri=\"/api/v1/status\", response=\"{expected}\"",
            header);
    }

    [Fact]
    public void CreateAuthorization_BuddyChallenge_SendsNoQopNcCnonceOrAlgorithm()
    {
        var auth = new PrusaDigestAuthenticator("maker", "s3cret");
        auth.OnUnauthorized([BuddyChallenge], sentAuthorization: false);

        var header = auth.CreateAuthorization("DELETE", "/api/v1/job/14")!;

        Assert.DoesNotContain("qop", header, StringComparison.Ordinal);
        Assert.DoesNotContain("nc=", header, StringComparison.Ordinal);
        Assert.DoesNotContain("cnonce", header, StringComparison.Ordinal);
        Assert.DoesNotContain("algorithm", header, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateAuthorization_ChallengeWithQopAuth_UsesRfc2617WithCountingNc()
    {
        var auth = new PrusaDigestAuthenticator("pi-user", "pw", () => "0a4f113b");
        auth.OnUnauthorized(["realm=\"Administrator\", qop=\"auth\", nonce=\"5e8f2c1a\", opaque=\"op1\", algorithm=\"MD5\", stale=false"], false);

        var first = auth.CreateAuthorization("GET", "/api/v1/job")!;
        var second = auth.CreateAuthorization("GET", "/api/v1/job")!;

        var ha1 = Md5("pi-user:Administrator:pw");
        var ha2 = Md5("GET:/api/v1/job");
        Assert.Contains($"response=\"{Md5($"{ha1}:5e8f2c1a:00000001:0a4f113b:auth:{ha2}")}\"", first, StringComparison.Ordinal);
        Assert.Contains("qop=auth, nc=00000001, cnonce=\"0a4f113b\"", first, StringComparison.Ordinal);
        Assert.Contains("opaque=\"op1\"", first, StringComparison.Ordinal);
        Assert.Contains("nc=00000002", second, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateAuthorization_BeforeAnyChallenge_ReturnsNull()
    {
        Assert.Null(new PrusaDigestAuthenticator("maker", "x").CreateAuthorization("GET", "/api/version"));
    }

    [Fact]
    public void OnUnauthorized_StaleAfterSentHeader_RetriesWithNewNonce()
    {
        var auth = new PrusaDigestAuthenticator("maker", "s3cret");
        auth.OnUnauthorized([BuddyChallenge], false);

        var retry = auth.OnUnauthorized(["realm=\"Printer API\", nonce=\"a9dae69e00003000\", stale=true"], sentAuthorization: true);

        Assert.True(retry);
        Assert.Contains("nonce=\"a9dae69e00003000\"", auth.CreateAuthorization("GET", "/api/v1/status"), StringComparison.Ordinal);
    }

    [Fact]
    public void OnUnauthorized_NotStaleAfterSentHeader_RefusesRetry()
    {
        var auth = new PrusaDigestAuthenticator("maker", "wrong");
        auth.OnUnauthorized([BuddyChallenge], false);

        Assert.False(auth.OnUnauthorized(["realm=\"Printer API\", nonce=\"a9dae69e00003001\", stale=false"], sentAuthorization: true));
    }

    [Fact]
    public void OnUnauthorized_NoDigestChallenge_RefusesRetry()
    {
        var auth = new PrusaDigestAuthenticator("maker", "x");

        Assert.False(auth.OnUnauthorized([], sentAuthorization: false));
        Assert.False(auth.HasChallenge);
    }

    [Fact]
    public void TryParse_QuotedCommaInValue_KeepsValueWhole()
    {
        var challenge = PrusaDigestChallenge.TryParse("realm=\"a, b\", nonce=abc, qop=\"auth,auth-int\"");

        Assert.NotNull(challenge);
        Assert.Equal("a, b", challenge.Realm);
        Assert.Equal("abc", challenge.Nonce);
        Assert.True(challenge.OffersQopAuth);
        Assert.False(challenge.Stale);
    }

    private static string Md5(string text) =>
#pragma warning disable CA5351
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
}
