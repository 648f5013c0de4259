using System.Security.Cryptography;
using Printernizer.Bridge.Printers;

namespace Printernizer.Bridge.Files;

/// <summary>Downloads into a file through a <c>.part</c> file, hashing on the way; the file appears complete or not at all.</summary>
internal static class FileDownloader
{
    public sealed record Result(long Size, string Sha256);

    public static async Task<Result> DownloadAsync(
        IPrinterFileAccess files, string printerPath, string localPath, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(localPath)!);
        var partial = localPath + ".part";
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size;
            var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await using (output.ConfigureAwait(false))
            {
                var hashing = new HashingStream(output, hash);
                await using (hashing.ConfigureAwait(false))
                {
                    await files.DownloadAsync(printerPath, hashing, progress, cancellationToken).ConfigureAwait(false);
                    size = hashing.Written;
                }
            }

            File.Move(partial, localPath, overwrite: true);
            return new Result(size, Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant());
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }
}
