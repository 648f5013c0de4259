namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>A streamed answer: status, bytes written, and the file's full length from <c>Content-Range</c> (206 only).</summary>
internal sealed record PrusaStreamResult(int StatusCode, long Bytes, long? TotalLength);
