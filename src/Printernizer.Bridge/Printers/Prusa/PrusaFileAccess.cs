using System.Collections.Concurrent;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>
/// Files through PrusaLink v1 on the adapter's own client, so file requests queue with the polls on
/// the one connection. Listings are cached per folder by ETag (304 = unchanged). Downloads go by
/// <c>refs.download</c> in ranges of <see cref="ChunkBytes"/>: each range is one request, so a poll
/// waits at most one range. A server that ignores <c>Range</c> answers 200 with the whole file, which
/// then holds the connection for the whole download (see docs/files.md).
/// </summary>
internal sealed class PrusaFileAccess : IPrinterFileAccess
{
    public const int ChunkBytes = 256 * 1024;

    private readonly string _printerId;
    private readonly PrusaLinkClient _client;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, (string ETag, IReadOnlyList<PrusaV1Entry> Entries)> _listings = new(StringComparer.Ordinal);

    public PrusaFileAccess(string printerId, PrusaLinkClient client)
    {
        _printerId = printerId;
        _client = client;
    }

    /// <summary>Listings answered 304 from the cache so far.</summary>
    public int CachedListingHits { get; private set; }

    public async Task<IReadOnlyList<PrinterFileEntry>> ListFilesAsync(string path, CancellationToken cancellationToken)
    {
        var normalized = Normalize(path);
        return await GuardAsync(async () =>
        {
            if (normalized == "/")
            {
                var storage = await _client.SendAsync(HttpMethod.Get, "/api/v1/storage", cancellationToken).ConfigureAwait(false);
                EnsureOk(storage.StatusCode, "/");
                return PrusaV1FileReader.ReadStorages(storage.Body);
            }

            return (await ListV1Async(normalized, cancellationToken).ConfigureAwait(false)).Select(e => e.Entry).ToArray();
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task DownloadAsync(string path, Stream destination, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var normalized = Normalize(path);
        return GuardAsync(async () =>
        {
            var entry = (await ListV1Async(normalized, cancellationToken).ConfigureAwait(false)).FirstOrDefault()
                ?? throw new PrinterFileException("not_found", $"printer '{_printerId}' has no file '{normalized}'");
            if (entry.Entry.Type == PrinterFileType.Folder || entry.Download is null)
            {
                throw new PrinterFileException("not_found", $"printer '{_printerId}': '{normalized}' cannot be downloaded (a folder, an SD-card file or still being transferred)");
            }

            await DownloadRangesAsync(entry.Download, normalized, destination, progress, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <summary>The raw bytes at a <c>refs</c> path (a thumbnail), or null when the printer has none.</summary>
    public async Task<byte[]?> FetchAsync(string reference, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var result = await _client.GetToStreamAsync(reference, null, null, buffer, null, cancellationToken).ConfigureAwait(false);
        return result.StatusCode == 200 && buffer.Length > 0 ? buffer.ToArray() : null;
    }

    private async Task DownloadRangesAsync(string reference, string path, Stream destination, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        long written = 0;
        while (true)
        {
            var result = await _client.GetToStreamAsync(reference, written, written + ChunkBytes - 1, destination,
                n =>
                {
                    written += n;
                    progress?.Report(written);
                }, cancellationToken).ConfigureAwait(false);
            if (result.StatusCode == 404)
            {
                throw new PrinterFileException("not_found", $"printer '{_printerId}' has no file '{path}'");
            }

            if (result.StatusCode == 416 && written > 0)
            {
                return;
            }

            if (result.StatusCode is not (200 or 206))
            {
                throw new PrinterFileException("protocol", $"printer '{_printerId}' answered {result.StatusCode} to the download of '{path}'");
            }

            if (result.StatusCode == 200 || result.Bytes < ChunkBytes || (result.TotalLength is { } total && written >= total))
            {
                return;
            }
        }
    }

    private async Task<IReadOnlyList<PrusaV1Entry>> ListV1Async(string path, CancellationToken cancellationToken)
    {
        var cached = _listings.TryGetValue(path, out var hit) ? hit : default;
        var response = await _client.GetConditionalAsync("/api/v1/files" + path, cached.ETag, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == 304 && cached.Entries is not null)
        {
            CachedListingHits++;
            return cached.Entries;
        }

        EnsureOk(response.StatusCode, path);
        var entries = PrusaV1FileReader.ReadFolder(response.Body, path);
        if (response.ETag is { } etag)
        {
            _listings[path] = (etag, entries);
        }

        return entries;
    }

    private void EnsureOk(int status, string path)
    {
        if (status is 404 or 403)
        {
            throw new PrinterFileException("not_found", $"printer '{_printerId}' has no '{path}'");
        }

        if (status != 200)
        {
            throw new PrinterFileException("protocol", $"printer '{_printerId}' answered {status} for '{path}'");
        }
    }

    /// <summary>One file operation at a time; PrusaLink's exceptions become clear file errors.</summary>
    private async Task<T> GuardAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (PrusaAuthException ex)
        {
            throw new PrinterFileException("auth_failed", $"printer '{_printerId}' refused the configured credentials (HTTP {ex.StatusCode})", ex);
        }
        catch (PrusaTransientException ex)
        {
            throw new PrinterFileException("unreachable", $"printer '{_printerId}' is not reachable: {ex.Message}", ex);
        }
        catch (PrusaBadResponseException ex)
        {
            throw new PrinterFileException("protocol", $"printer '{_printerId}' sent an unusable file answer: {ex.Message}", ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string Normalize(string path)
    {
        var segments = (path ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s is "." or ".." || s.Contains('\\', StringComparison.Ordinal) || s.Contains('?', StringComparison.Ordinal)
            || s.Contains('#', StringComparison.Ordinal) || s.Contains('%', StringComparison.Ordinal) || s.Any(char.IsControl)))
        {
            throw new PrinterFileException("invalid_path", $"invalid printer path '{path}': no '.', '..', '?', '#', '%', backslashes or control characters");
        }

        return "/" + string.Join('/', segments);
    }
}
