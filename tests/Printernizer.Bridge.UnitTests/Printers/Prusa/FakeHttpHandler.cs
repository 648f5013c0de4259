using System.Net;

namespace Printernizer.Bridge.UnitTests.Printers.Prusa;

/// <summary>Answers requests from a script and records what was sent.</summary>
internal sealed class FakeHttpHandler(Func<HttpRequestMessage, int, HttpResponseMessage> answer) : HttpMessageHandler
{
    private readonly List<(string Method, string Target, string? Authorization, string? ApiKey)> _sent = [];

    public IReadOnlyList<(string Method, string Target, string? Authorization, string? ApiKey)> Sent => _sent;

    public static HttpResponseMessage Challenge(string nonce, bool stale)
    {
        var response = new HttpResponseMessage(HttpStatusCode.Unauthorized);
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", $"Digest realm=\"Printer API\", nonce=\"{nonce}\", stale={(stale ? "true" : "false")}");
        return response;
    }

    public static HttpResponseMessage Json(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json) };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _sent.Add((
            request.Method.Method,
            request.RequestUri!.PathAndQuery,
            request.Headers.TryGetValues("Authorization", out var auth) ? auth.Single() : null,
            request.Headers.TryGetValues("X-Api-Key", out var key) ? key.Single() : null));
        var response = answer(request, _sent.Count);
        response.RequestMessage = request;
        return Task.FromResult(response);
    }
}
