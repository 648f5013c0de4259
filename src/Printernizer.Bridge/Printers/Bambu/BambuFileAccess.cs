using System.Net.Sockets;
using System.Security.Authentication;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Printers.Bambu.Ftps;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// Files of one Bambu printer over FTPS: a connection of its own per operation (the printer allows
/// it next to MQTT, so state updates never wait for a download), one operation at a time.
/// </summary>
internal sealed class BambuFileAccess : IPrinterFileAccess, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly BambuFtpsEndpoint _endpoint;
    private readonly BambuCertificateValidator _validator;
    private readonly TimeProvider _time;
    private readonly TimeSpan _connectTimeout;

    public BambuFileAccess(string printerId, string host, BambuSettings settings, BambuCertificateValidator validator, TimeProvider time)
    {
        _validator = validator;
        _time = time;
        _connectTimeout = settings.ConnectTimeout;
        _endpoint = new BambuFtpsEndpoint(printerId, host, settings.FtpsPort, settings.Serial, settings.AccessCode, validator.Validate);
    }

    public Task<IReadOnlyList<PrinterFileEntry>> ListFilesAsync(string path, CancellationToken cancellationToken)
    {
        var folder = BambuFilePaths.Normalize(path);
        return RunAsync(async client =>
            FtpListParser.Parse(await client.ListAsync(folder, cancellationToken).ConfigureAwait(false), folder, _time.GetUtcNow()), cancellationToken);
    }

    public Task DownloadAsync(string path, Stream destination, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var file = BambuFilePaths.Normalize(path);
        return RunAsync(async client =>
        {
            await client.DownloadAsync(file, destination, progress, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    public void Dispose() => _gate.Dispose();

    private async Task<T> RunAsync<T>(Func<BambuFtpsClient, Task<T>> operation, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var client = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            await using (client.ConfigureAwait(false))
            {
                try
                {
                    return await operation(client).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or SocketException)
                {
                    throw new PrinterFileException("unreachable", $"printer '{_endpoint.PrinterId}': the FTPS connection broke: {ex.Message}", ex);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<BambuFtpsClient> ConnectAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_connectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await BambuFtpsClient.ConnectAsync(_endpoint, linked.Token).ConfigureAwait(false);
        }
        catch (AuthenticationException ex) when (_validator.LastRejection is { } reason)
        {
            throw new PrinterFileException("tls_certificate_rejected", reason, ex);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new PrinterFileException("unreachable",
                $"printer '{_endpoint.PrinterId}' did not answer on FTPS port {_endpoint.Port} within {_connectTimeout.TotalSeconds:0} s", ex);
        }
        catch (Exception ex) when (ex is SocketException or IOException or AuthenticationException)
        {
            throw new PrinterFileException("unreachable",
                $"printer '{_endpoint.PrinterId}' is not reachable on FTPS port {_endpoint.Port}: {ex.Message}", ex);
        }
    }
}
