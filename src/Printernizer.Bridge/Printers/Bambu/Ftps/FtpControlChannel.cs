using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Printernizer.Bridge.Printers.Bambu.Ftps;

/// <summary>The control connection: implicit TLS from the first byte, line-based commands and replies.</summary>
internal sealed class FtpControlChannel : IAsyncDisposable
{
    private const int MaxLineLength = 8192;

    private readonly TcpClient _tcp;
    private readonly SslStream _tls;
    private readonly StreamReader _reader;

    private FtpControlChannel(TcpClient tcp, SslStream tls)
    {
        _tcp = tcp;
        _tls = tls;
        _reader = new StreamReader(tls, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1024, leaveOpen: true);
    }

    public static async Task<FtpControlChannel> OpenAsync(string host, int port, SslClientAuthenticationOptions tls, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            var stream = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
            await stream.AuthenticateAsClientAsync(tls, cancellationToken).ConfigureAwait(false);
            return new FtpControlChannel(tcp, stream);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    public async Task SendAsync(string command, CancellationToken cancellationToken)
    {
        if (command.Contains('\r', StringComparison.Ordinal) || command.Contains('\n', StringComparison.Ordinal))
        {
            // A path with a line break would smuggle a second command onto the control channel.
            throw new PrinterFileException("invalid_path", "paths must not contain line breaks");
        }

        await _tls.WriteAsync(Encoding.UTF8.GetBytes(command + "\r\n"), cancellationToken).ConfigureAwait(false);
        await _tls.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads one reply, joining the lines of a multi-line reply (<c>211-…</c> up to <c>211 …</c>).</summary>
    public async Task<FtpReply> ReadReplyAsync(CancellationToken cancellationToken)
    {
        var first = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (first.Length < 3 || !int.TryParse(first.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            throw new PrinterFileException("protocol", $"the printer's FTP server sent an unexpected line: '{Truncate(first)}'");
        }

        var line = first;
        if (first.Length > 3 && first[3] == '-')
        {
            var end = first[..3] + " ";
            while (!line.StartsWith(end, StringComparison.Ordinal))
            {
                line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return new FtpReply(code, line.Length > 4 ? line[4..].Trim() : string.Empty);
    }

    public async Task<FtpReply> CommandAsync(string command, CancellationToken cancellationToken)
    {
        await SendAsync(command, cancellationToken).ConfigureAwait(false);
        return await ReadReplyAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        await _tls.DisposeAsync().ConfigureAwait(false);
        _tcp.Dispose();
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new IOException("the printer closed the FTP control connection");
        return line.Length > MaxLineLength ? line[..MaxLineLength] : line;
    }

    private static string Truncate(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
