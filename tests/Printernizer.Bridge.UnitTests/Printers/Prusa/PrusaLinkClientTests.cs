using System.Net;
using Printernizer.Bridge.Printers.Prusa;

namespace Printernizer.Bridge.UnitTests.Printers.Prusa;

public sealed class PrusaLinkClientTests
{
    private static readonly Uri Printer = new("http://printer.test/");
    private static readonly PrusaSettings Digest = new("maker", "s3cret", null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5));

    [Fact]
    public async Task SendAsync_StaleNonce_RetriesExactlyOnceWithNewNonce()
    {
        // 1: first challenge, 2: ok, 3: stale, 4: ok.
        var handler = new FakeHttpHandler((_, n) => n switch
        {
            1 => FakeHttpHandler.Challenge("0000000100000001", stale: false),
            3 => FakeHttpHandler.Challenge("0000000100000200", stale: true),
            _ => FakeHttpHandler.Json("{}"),
        });
        using var client = new PrusaLinkClient(Printer, Digest, TimeProvider.System, handler);

        await client.SendAsync(HttpMethod.Get, "/api/version", CancellationToken.None);
        var response = await client.SendAsync(HttpMethod.Get, "/api/v1/status", CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(4, handler.Sent.Count);
        Assert.Null(handler.Sent[0].Authorization);
        Assert.Contains("nonce=\"0000000100000001\"", handler.Sent[1].Authorization, StringComparison.Ordinal);
        Assert.Contains("nonce=\"0000000100000001\"", handler.Sent[2].Authorization, StringComparison.Ordinal);
        Assert.Contains("nonce=\"0000000100000200\"", handler.Sent[3].Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_StaleTwiceInARow_GivesUpAfterOneRetry()
    {
        var handler = new FakeHttpHandler((_, n) => n == 1
            ? FakeHttpHandler.Challenge("00000001", stale: false)
            : n == 2 ? FakeHttpHandler.Json("{}") : FakeHttpHandler.Challenge($"0000000{n}", stale: true));
        using var client = new PrusaLinkClient(Printer, Digest, TimeProvider.System, handler);
        await client.SendAsync(HttpMethod.Get, "/api/version", CancellationToken.None);

        await Assert.ThrowsAsync<PrusaAuthException>(() => client.SendAsync(HttpMethod.Get, "/api/v1/status", CancellationToken.None));

        Assert.Equal(4, handler.Sent.Count);
    }

    [Fact]
    public async Task SendAsync_WrongPassword_ThrowsAuthAfterChallengeAndOneAttempt()
    {
        var handler = new FakeHttpHandler((_, n) => FakeHttpHandler.Challenge($"0000000{n}", stale: false));
        using var client = new PrusaLinkClient(Printer, Digest, TimeProvider.System, handler);

        var ex = await Assert.ThrowsAsync<PrusaAuthException>(() => client.SendAsync(HttpMethod.Get, "/api/version", CancellationToken.None));

        Assert.Equal(401, ex.StatusCode);
        Assert.Equal(2, handler.Sent.Count);
        Assert.DoesNotContain("s3cret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ApiKey_SendsHeaderAndNoDigest()
    {
        var handler = new FakeHttpHandler((_, _) => FakeHttpHandler.Json("{}"));
        using var client = new PrusaLinkClient(Printer, Digest with { Password = null, ApiKey = "key-1" }, TimeProvider.System, handler);

        await client.SendAsync(HttpMethod.Get, "/api/v1/status", CancellationToken.None);

        Assert.Equal(("GET", "/api/v1/status", (string?)null, (string?)"key-1"), handler.Sent.Single());
    }

    [Theory]
    [InlineData(403)]
    [InlineData(401)]
    public async Task SendAsync_ApiKeyRefused_ThrowsAuthWithoutRetry(int status)
    {
        var handler = new FakeHttpHandler((_, _) => new HttpResponseMessage((HttpStatusCode)status));
        using var client = new PrusaLinkClient(Printer, Digest with { Password = null, ApiKey = "bad" }, TimeProvider.System, handler);

        await Assert.ThrowsAsync<PrusaAuthException>(() => client.SendAsync(HttpMethod.Get, "/api/v1/status", CancellationToken.None));

        Assert.Single(handler.Sent);
    }

    [Fact]
    public async Task SendAsync_ServiceUnavailable_ThrowsTransient()
    {
        var handler = new FakeHttpHandler((_, _) => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        using var client = new PrusaLinkClient(Printer, Digest with { Password = null, ApiKey = "k" }, TimeProvider.System, handler);

        await Assert.ThrowsAsync<PrusaTransientException>(() => client.SendAsync(HttpMethod.Get, "/api/v1/status", CancellationToken.None));
    }

    [Fact]
    public async Task SendAsync_PathWithQueryString_IsRejectedBeforeSending()
    {
        var handler = new FakeHttpHandler((_, _) => FakeHttpHandler.Json("{}"));
        using var client = new PrusaLinkClient(Printer, Digest, TimeProvider.System, handler);

        await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(HttpMethod.Get, "/api/v1/status?x=1", CancellationToken.None));

        Assert.Empty(handler.Sent);
    }
}
