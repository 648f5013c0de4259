using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers;

/// <summary>
/// Files on the printer, for adapters that can reach them. Optional next to <see cref="IPrinterAdapter"/>,
/// so printer types without file access need not change. Works without the adapter's connection loop
/// running (the command line uses it alone). One operation at a time per printer: callers queue.
/// </summary>
internal interface IPrinterFileAccess
{
    /// <summary>One folder's entries; <c>/</c> is the printer's top level.</summary>
    /// <exception cref="PrinterFileException">Not found, unreachable, refused.</exception>
    Task<IReadOnlyList<PrinterFileEntry>> ListFilesAsync(string path, CancellationToken cancellationToken);

    /// <summary>Copies the file into <paramref name="destination"/>, reporting the bytes written so far.</summary>
    /// <exception cref="PrinterFileException">Not found, unreachable, refused.</exception>
    Task DownloadAsync(string path, Stream destination, IProgress<long>? progress, CancellationToken cancellationToken);
}
