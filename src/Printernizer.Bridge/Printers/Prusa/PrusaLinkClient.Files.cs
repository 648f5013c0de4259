using System.Net.Http.Headers;

namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>Conditional listings and streamed downloads, through the same single connection and gate.</summary>
internal sealed partial class PrusaLinkClient
{
    /// <summary>A GET with <c>If-None-Match</c>; a 304 comes back as status 304 with an empty body.</summary>
    public Task<PrusaResponse> GetConditionalAsync(string path, string? etag, CancellationToken cancellationToken) =>
        ExchangeAsync(HttpMethod.Get, path,
            request =>
            {
                if (etag is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                }
            },
            HttpCompletionOption.ResponseContentRead,
            async response =>
            {
                var read = await ReadAsync(response, cancellationToken).ConfigureAwait(false);
                return read with { ETag = response.Headers.ETag?.ToString() };
            },
            cancellationToken);

    /// <summary>
    /// Streams one GET (optionally a byte range) into <paramref name="destination"/>. The connection
    /// is held only for this one request, so state polls interleave between ranges.
    /// </summary>
    public Task<PrusaStreamResult> GetToStreamAsync(
        string path, long? from, long? to, Stream destination, Action<long>? copied, CancellationToken cancellationToken) =>
        ExchangeAsync(HttpMethod.Get, path,
            request =>
            {
                request.Headers.Accept.Clear();
                if (from is { } start)
                {
                    request.Headers.Range = new RangeHeaderValue(start, to);
                }
            },
            HttpCompletionOption.ResponseHeadersRead,
            async response =>
            {
                var status = (int)response.StatusCode;
                if (status is 401 or 403)
                {
                    throw new PrusaAuthException(status);
                }

                if (status is not (200 or 206))
                {
                    return new PrusaStreamResult(status, 0, null);
                }

                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    var buffer = new byte[81920];
                    long total = 0;
                    int read;
                    while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                        total += read;
                        copied?.Invoke(read);
                    }

                    return new PrusaStreamResult(status, total, response.Content.Headers.ContentRange?.Length);
                }
            },
            cancellationToken);
}
