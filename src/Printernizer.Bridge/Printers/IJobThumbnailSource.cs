using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers;

/// <summary>The cover image of the printer's current job, for adapters that can fetch one.</summary>
internal interface IJobThumbnailSource
{
    /// <summary>PNG bytes, or null when the job has none or it cannot be fetched now (never throws for printer-side failures).</summary>
    Task<byte[]?> GetJobThumbnailAsync(PrintJob job, CancellationToken cancellationToken);
}
