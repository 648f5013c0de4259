using System.Text.Json;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>The current job's <c>file.refs.thumbnail</c> (Buddy <c>/thumb/l/…</c>, Pi <c>/api/thumbnails/….orig.png</c>).</summary>
internal sealed class PrusaJobThumbnail
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly PrusaLinkClient _client;
    private readonly PrusaFileAccess _files;

    public PrusaJobThumbnail(PrusaLinkClient client, PrusaFileAccess files)
    {
        _client = client;
        _files = files;
    }

    public async Task<byte[]?> FetchAsync(PrintJob job, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.SendAsync(HttpMethod.Get, "/api/v1/job", cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != 200 || ThumbnailRef(response.Body) is not { } reference)
            {
                return null;
            }

            var png = await _files.FetchAsync(reference, cancellationToken).ConfigureAwait(false);

            // Only PNG is announced to Home Assistant; the Pi may hold other formats.
            return png is { Length: > 8 } && png.AsSpan(0, 8).SequenceEqual(PngSignature) ? png : null;
        }
        catch (Exception ex) when (ex is PrusaTransientException or PrusaAuthException or PrusaBadResponseException or JsonException)
        {
            return null;
        }
    }

    private static string? ThumbnailRef(string body)
    {
        using var document = PrusaJson.ParseObject(body, "/api/v1/job");
        return PrusaJson.Object(document.RootElement, "file") is { } file
            && PrusaJson.Object(file, "refs") is { } refs
            && PrusaJson.String(refs, "thumbnail") is { Length: > 0 } thumbnail
            && !thumbnail.Contains('?', StringComparison.Ordinal)
                ? "/" + thumbnail.TrimStart('/')
                : null;
    }
}
