using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers;

/// <summary>The cover image of the printer's current job, for adapters that can fetch one.</summary>
internal interface IJobThumbnailSource
{
    /// <summary>PNG bytes, or null when the job has none or it cannot be fetched now.</summary>
    /// <exception cref="PrinterFileException">With <see cref="PrinterFileException.ServiceUnavailable"/>: the printer's file service cannot be reached, so asking again soon is pointless.</exception>
    Task<byte[]?> GetJobThumbnailAsync(PrintJob job, CancellationToken cancellationToken);
}
