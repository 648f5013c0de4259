using System.Buffers;
using System.Text.Json;

namespace Printernizer.Bridge.Publishing.Payloads;

/// <summary>
/// One reusable serialization buffer for the publisher loop. Every report is serialized to be
/// compared with what was published, and most compare equal, so the bytes are only copied out
/// when they changed; a fresh buffer per payload was a third of the bridge's allocations.
/// Not thread-safe: the returned span is valid until the next <see cref="Write{T}"/>.
/// </summary>
internal sealed class PayloadBuffer
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    public PayloadBuffer() => _writer = new Utf8JsonWriter(_buffer, JsonPayload.WriterOptions);

    public ReadOnlySpan<byte> Write<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        write(_writer, value);
        _writer.Flush();
        return _buffer.WrittenSpan;
    }
}
