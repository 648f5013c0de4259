using System.IO.Compression;
using Microsoft.Extensions.Logging;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// The cover of the current job: the job's 3MF fetched over FTPS (tried as <c>&lt;subtask&gt;.3mf</c>,
/// <c>&lt;subtask&gt;.gcode.3mf</c> and the reported file, in <c>/cache</c> then <c>/</c>), and its
/// <c>Metadata/plate_N.png</c>. Anything missing is a quiet null; an unreachable FTPS service throws
/// (<see cref="PrinterFileException.ServiceUnavailable"/>).
/// </summary>
internal sealed class BambuJobThumbnail
{
    private const long MaxPngBytes = 8 * 1024 * 1024;

    private readonly IPrinterFileAccess _files;
    private readonly ILogger _logger;

    public BambuJobThumbnail(IPrinterFileAccess files, ILogger logger)
    {
        _files = files;
        _logger = logger;
    }

    public static IEnumerable<string> Candidates(PrintJob job)
    {
        var names = new List<string>();
        if (!string.IsNullOrWhiteSpace(job.Name))
        {
            names.Add(job.Name + ".3mf");
            names.Add(job.Name + ".gcode.3mf");
        }

        // X1/H2 report a RAM path under /data that FTPS cannot reach; P1 reports the 3MF's name.
        if (job.File is { } file && file.EndsWith(".3mf", StringComparison.OrdinalIgnoreCase) && !file.StartsWith("/data/", StringComparison.Ordinal))
        {
            names.Add(file.TrimStart('/'));
        }

        return names
            .Where(n => !n.Contains("..", StringComparison.Ordinal))
            .SelectMany(n => new[] { "/cache/" + n, "/" + n })
            .Distinct(StringComparer.Ordinal);
    }

    public async Task<byte[]?> FetchAsync(PrintJob job, CancellationToken cancellationToken)
    {
        foreach (var candidate in Candidates(job))
        {
            var temporary = Path.Combine(Path.GetTempPath(), $"printernizer-{Guid.NewGuid():N}.3mf");
            try
            {
                await using var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
                await _files.DownloadAsync(candidate, file, null, cancellationToken).ConfigureAwait(false);
                file.Position = 0;
                return ReadCover(file);
            }
            catch (PrinterFileException ex) when (ex.Code is "not_found" or "invalid_path")
            {
                // Try the next place the 3MF may be.
            }
            catch (PrinterFileException ex) when (ex.ServiceUnavailable)
            {
                // The caller backs off: retrying a closed FTPS port every few seconds on a farm
                // was a quarter of the bridge's CPU (a refused connect and its exceptions per try).
                throw;
            }
            catch (Exception ex) when (ex is PrinterFileException or InvalidDataException or IOException)
            {
                _logger.LogDebug("Cover image of {Candidate} not available: {Reason}", candidate, ex.Message);
                return null;
            }
        }

        return null;
    }

    /// <summary><c>Metadata/plate_1.png</c>, else the first plate's PNG.</summary>
    public static byte[]? ReadCover(Stream threeMf)
    {
        using var archive = new ZipArchive(threeMf, ZipArchiveMode.Read, leaveOpen: true);
        var entry = archive.GetEntry("Metadata/plate_1.png")
            ?? archive.Entries
                .Where(e => e.FullName.StartsWith("Metadata/plate_", StringComparison.Ordinal) && e.FullName.EndsWith(".png", StringComparison.Ordinal)
                    && !e.FullName.Contains("_small", StringComparison.Ordinal))
                .OrderBy(e => e.FullName, StringComparer.Ordinal)
                .FirstOrDefault();
        if (entry is null || entry.Length > MaxPngBytes)
        {
            return null;
        }

        using var input = entry.Open();
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
