using System.Net;
using System.Net.Http.Headers;

namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>
/// HTTP to one PrusaLink printer over a single keep-alive connection: Buddy has only three
/// connection slots for everyone. Requests are strictly sequential, carry no query string
/// (Buddy answers 404 to any), and time out after <see cref="PrusaSettings.RequestTimeout"/>.
/// </summary>
internal sealed partial class PrusaLinkClient : IDisposable
{
    private const int MaxBodyBytes = 1024 * 1024;

    private readonly HttpClient _http;
    private readonly PrusaSettings _settings;
    private readonly TimeProvider _time;
    private readonly PrusaDigestAuthenticator? _digest;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public PrusaLinkClient(Uri baseUri, PrusaSettings settings, TimeProvider time, HttpMessageHandler? handler = null)
    {
        _settings = settings;
        _time = time;
        _http = new HttpClient(handler ?? CreateHandler(settings), disposeHandler: true)
        {
            BaseAddress = baseUri,
            // Our own timeout runs on the injected clock; this one only must not fire first.
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = MaxBodyBytes,
        };
        if (!settings.UsesApiKey)
        {
            _digest = new PrusaDigestAuthenticator(settings.Username, settings.Password ?? "");
        }
    }

    public static SocketsHttpHandler CreateHandler(PrusaSettings settings) => new()
    {
        MaxConnectionsPerServer = 1,
        PooledConnectionIdleTimeout = settings.IdleConnectionLifetime,
        ConnectTimeout = settings.RequestTimeout,
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        PreAuthenticate = false,
    };

    /// <summary>Sends one request after any request in flight has finished.</summary>
    /// <exception cref="PrusaAuthException">Credentials refused.</exception>
    /// <exception cref="PrusaTransientException">Unreachable, timed out or 503.</exception>
    public Task<PrusaResponse> SendAsync(HttpMethod method, string path, CancellationToken cancellationToken) =>
        ExchangeAsync(method, path, null, HttpCompletionOption.ResponseContentRead, r => ReadAsync(r, cancellationToken), cancellationToken);

    /// <summary>
    /// One request under the connection's gate, with the digest retry; <paramref name="read"/> consumes
    /// the answer before the next request may start (so a streamed body holds the connection while it is read).
    /// </summary>
    private async Task<T> ExchangeAsync<T>(
        HttpMethod method, string path, Action<HttpRequestMessage>? configure, HttpCompletionOption completion,
        Func<HttpResponseMessage, Task<T>> read, CancellationToken cancellationToken)
    {
        if (!path.StartsWith('/') || path.Contains('?', StringComparison.Ordinal) || path.Contains('#', StringComparison.Ordinal))
        {
            throw new ArgumentException("path must be absolute and carry no query string", nameof(path));
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var sentAuthorization = _digest?.HasChallenge == true;
            var response = await SendOnceAsync(method, path, configure, completion, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized && _digest is not null
                && _digest.OnUnauthorized(DigestParameters(response), sentAuthorization))
            {
                // First challenge or stale nonce: exactly one retry with the new nonce.
                response.Dispose();
                response = await SendOnceAsync(method, path, configure, completion, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    // Keep the newest nonce so the next request does not start from a stale one.
                    _digest.OnUnauthorized(DigestParameters(response), sentAuthorization: true);
                }
            }

            using (response)
            {
                return await read(response).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _gate.Dispose();
    }

    private async Task<HttpResponseMessage> SendOnceAsync(
        HttpMethod method, string path, Action<HttpRequestMessage>? configure, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (_settings.ApiKey is { } apiKey)
        {
            request.Headers.TryAddWithoutValidation("X-Api-Key", apiKey);
        }
        else if (_digest?.CreateAuthorization(method.Method, path) is { } authorization)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (method != HttpMethod.Get)
        {
            // With a body (even an empty one) SocketsHttpHandler never resends a request whose
            // connection closed before the answer (dotnet/runtime#86714): a cancel goes out once.
            request.Content = new ByteArrayContent([]);
        }

        configure?.Invoke(request);

        using var timeout = new CancellationTokenSource(_settings.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var response = await _http.SendAsync(request, completion, linked.Token).ConfigureAwait(false);
            return response;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new PrusaTransientException($"{method} {path}: no answer within {_settings.RequestTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            throw new PrusaTransientException($"{method} {path}: {ex.HttpRequestError}", ex);
        }
    }

    private static async Task<PrusaResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var code = (int)response.StatusCode;
        if (code is 401 or 403)
        {
            throw new PrusaAuthException(code);
        }

        if (code == 503)
        {
            throw new PrusaTransientException("printer answered 503 (service unavailable)");
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new PrusaResponse(code, body);
    }

    private static IEnumerable<string> DigestParameters(HttpResponseMessage response) =>
        response.Headers.WwwAuthenticate
            .Where(h => string.Equals(h.Scheme, "Digest", StringComparison.OrdinalIgnoreCase) && h.Parameter is not null)
            .Select(h => h.Parameter!);
}
