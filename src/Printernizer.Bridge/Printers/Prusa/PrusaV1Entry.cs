using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>A v1 file entry with what PrusaLink adds: read-only flag and the refs to fetch it.</summary>
internal sealed record PrusaV1Entry(PrinterFileEntry Entry, bool ReadOnly, string? Download, string? Thumbnail);
