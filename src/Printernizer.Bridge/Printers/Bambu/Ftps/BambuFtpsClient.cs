using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Printernizer.Bridge.Printers.Bambu.Ftps;

/// <summary>
/// The FTPS subset a Bambu printer needs: implicit TLS, user <c>bblp</c>, <c>PROT P</c>, passive
/// mode, and a data channel whose TLS session resumes the control channel's (the printers' vsFTPd
/// runs with <c>require_ssl_reuse=YES</c> and answers 522 otherwise). Not a general FTP client.
/// </summary>
internal sealed class BambuFtpsClient : IAsyncDisposable
{
    private const int CopyBufferSize = 81920;

    private readonly FtpControlChannel _control;
    private readonly BambuFtpsEndpoint _endpoint;

    private BambuFtpsClient(FtpControlChannel control, BambuFtpsEndpoint endpoint)
    {
        _control = control;
        _endpoint = endpoint;
    }

    /// <summary>Connects, logs in and switches to a private, binary, passive data channel.</summary>
    public static async Task<BambuFtpsClient> ConnectAsync(BambuFtpsEndpoint endpoint, CancellationToken cancellationToken)
    {
        var control = await FtpControlChannel.OpenAsync(endpoint.Host, endpoint.Port, endpoint.TlsOptions(resume: true), cancellationToken).ConfigureAwait(false);
        var client = new BambuFtpsClient(control, endpoint);
        try
        {
            await client.LoginAsync(cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The raw <c>LIST</c> lines of one folder; a folder that does not exist is <c>not_found</c>.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(string path, CancellationToken cancellationToken)
    {
        await ChangeDirectoryAsync(path, cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        await TransferAsync("LIST", buffer, null, cancellationToken).ConfigureAwait(false);
        var text = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public Task DownloadAsync(string path, Stream destination, IProgress<long>? progress, CancellationToken cancellationToken) =>
        TransferAsync("RETR " + path, destination, progress, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _control.SendAsync("QUIT", quit.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or AuthenticationException or PrinterFileException)
        {
            // Closing either way.
        }

        await _control.DisposeAsync().ConfigureAwait(false);
    }

    private async Task LoginAsync(CancellationToken cancellationToken)
    {
        var greeting = await _control.ReadReplyAsync(cancellationToken).ConfigureAwait(false);
        Expect(greeting, 220, "greeting");
        var user = await _control.CommandAsync("USER bblp", cancellationToken).ConfigureAwait(false);
        if (user.Code != 230)
        {
            Expect(user, 331, "USER");

            // Never echo the command: it carries the access code.
            var pass = await _control.CommandAsync("PASS " + _endpoint.AccessCode, cancellationToken).ConfigureAwait(false);
            if (pass.Code == 530)
            {
                throw new PrinterFileException("auth_failed",
                    $"printer '{_endpoint.PrinterId}' refused the access code for FTPS (user bblp); check access_code against the printer's screen");
            }

            Expect(pass, 230, "login");
        }

        Expect(await _control.CommandAsync("PBSZ 0", cancellationToken).ConfigureAwait(false), 200, "PBSZ");
        Expect(await _control.CommandAsync("PROT P", cancellationToken).ConfigureAwait(false), 200, "PROT P");
        Expect(await _control.CommandAsync("TYPE I", cancellationToken).ConfigureAwait(false), 200, "TYPE I");
    }

    private async Task ChangeDirectoryAsync(string path, CancellationToken cancellationToken)
    {
        var reply = await _control.CommandAsync("CWD " + path, cancellationToken).ConfigureAwait(false);
        if (reply.Code == 550)
        {
            throw new PrinterFileException("not_found", $"printer '{_endpoint.PrinterId}' has no folder '{path}'");
        }

        Expect(reply, 250, "CWD");
    }

    /// <summary>
    /// PASV, connect, send the command, wait for 150, then TLS on the data connection: vsFTPd only
    /// starts the data handshake once it accepted the command.
    /// </summary>
    private async Task TransferAsync(string command, Stream destination, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var port = FtpPassiveEndpoint.ParsePort(await _control.CommandAsync("PASV", cancellationToken).ConfigureAwait(false));
        var data = new TcpClient { NoDelay = true };
        try
        {
            await data.ConnectAsync(_endpoint.Host, port, cancellationToken).ConfigureAwait(false);
            await ReceiveAsync(command, data, destination, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            data.Dispose();
        }
    }

    private async Task ReceiveAsync(string command, TcpClient data, Stream destination, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var start = await _control.CommandAsync(command, cancellationToken).ConfigureAwait(false);
        if (!start.IsPreliminary)
        {
            throw start.Code == 550
                ? new PrinterFileException("not_found", $"printer '{_endpoint.PrinterId}' has no file '{command[(command.IndexOf(' ', StringComparison.Ordinal) + 1)..]}'")
                : new PrinterFileException("protocol", $"printer '{_endpoint.PrinterId}' refused '{command.Split(' ')[0]}': {start}");
        }

        long copied = 0;
        Exception? dataFailure = null;
        try
        {
            await using var tls = new SslStream(data.GetStream(), leaveInnerStreamOpen: false);
            await tls.AuthenticateAsClientAsync(_endpoint.TlsOptions(_endpoint.ReuseTlsSession), cancellationToken).ConfigureAwait(false);
            var buffer = new byte[CopyBufferSize];
            int read;
            while ((read = await tls.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                copied += read;
                progress?.Report(copied);
            }
        }
        catch (Exception ex) when (ex is IOException or AuthenticationException or SocketException)
        {
            // The final reply says why (522 when the session was not reused); report that, not the socket error.
            dataFailure = ex;
        }
        finally
        {
            // vsFTPd sends 226 only once the data connection is closed; no TLS close_notify is awaited (it can hang).
            data.Dispose();
        }

        var done = await _control.ReadReplyAsync(cancellationToken).ConfigureAwait(false);
        if (done.Code == 522)
        {
            throw new PrinterFileException("tls_session_reuse",
                $"printer '{_endpoint.PrinterId}' refused the data connection because its TLS session was not resumed: {done}");
        }

        if (done.Code != 226 || dataFailure is not null)
        {
            throw new PrinterFileException("protocol", $"printer '{_endpoint.PrinterId}': transfer failed: {done}", dataFailure);
        }
    }

    private void Expect(FtpReply reply, int code, string step)
    {
        if (reply.Code != code)
        {
            throw new PrinterFileException("protocol", $"printer '{_endpoint.PrinterId}' answered {step} with {reply}");
        }
    }
}
