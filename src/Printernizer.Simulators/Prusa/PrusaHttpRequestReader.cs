using System.Globalization;
using System.Text;

namespace Printernizer.Simulators.Prusa;

/// <summary>Reads HTTP/1.1 requests off one connection (Content-Length bodies only, as the printer).</summary>
internal sealed class PrusaHttpRequestReader
{
    private const int MaxHeaderBytes = 16 * 1024;
    private const int MaxBodyBytes = 1024 * 1024;
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    private readonly Stream _stream;
    private readonly int _connectionId;
    private readonly byte[] _buffer = new byte[MaxHeaderBytes];
    private int _count;

    public PrusaHttpRequestReader(Stream stream, int connectionId)
    {
        _stream = stream;
        _connectionId = connectionId;
    }

    /// <summary>The next request, or null when the client closed the connection.</summary>
    public async Task<PrusaHttpRequest?> ReadAsync(CancellationToken cancellationToken)
    {
        int headerLength;
        while ((headerLength = _buffer.AsSpan(0, _count).IndexOf(HeaderEnd)) < 0)
        {
            if (_count == _buffer.Length)
            {
                throw new InvalidDataException("request headers too large");
            }

            var read = await _stream.ReadAsync(_buffer.AsMemory(_count), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            _count += read;
        }

        var lines = Encoding.ASCII.GetString(_buffer, 0, headerLength).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3)
        {
            throw new InvalidDataException("bad request line");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        Consume(headerLength + HeaderEnd.Length);
        var length = headers.TryGetValue("Content-Length", out var text)
            ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)
            : 0;
        if (length > MaxBodyBytes)
        {
            throw new InvalidDataException("request body too large");
        }

        return new PrusaHttpRequest(_connectionId, requestLine[0], requestLine[1], headers, await ReadBodyAsync(length, cancellationToken).ConfigureAwait(false));
    }

    private async Task<byte[]> ReadBodyAsync(int length, CancellationToken cancellationToken)
    {
        var body = new byte[length];
        var fromBuffer = Math.Min(length, _count);
        _buffer.AsSpan(0, fromBuffer).CopyTo(body);
        Consume(fromBuffer);
        if (fromBuffer < length)
        {
            await _stream.ReadExactlyAsync(body.AsMemory(fromBuffer), cancellationToken).ConfigureAwait(false);
        }

        return body;
    }

    private void Consume(int bytes)
    {
        // Span copies are overlap-safe (memmove).
        _buffer.AsSpan(bytes, _count - bytes).CopyTo(_buffer);
        _count -= bytes;
    }
}
