using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Printers;
using Printernizer.Bridge.Publishing;
using Printernizer.Bridge.Publishing.Mqtt;

namespace Printernizer.Bridge.Files;

/// <summary>
/// Answers <c>&lt;base&gt;/&lt;id&gt;/files/request</c> on <c>files/response</c> (not retained) and on the
/// MQTT 5 response topic when one is given. Downloads land in <c>&lt;state_dir&gt;/downloads/&lt;id&gt;/</c>.
/// The adapter's file access queues operations, so a printer runs one at a time.
/// </summary>
internal sealed partial class FilesRequestRouter : IHostedService
{
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromMinutes(30);

    private readonly BridgeConfig _config;
    private readonly TopicLayout _topics;
    private readonly IBrokerConnection _broker;
    private readonly PrinterFleet _fleet;
    private readonly ILogger<FilesRequestRouter> _logger;
    private readonly CancellationTokenSource _stopping = new();

    public FilesRequestRouter(BridgeConfig config, TopicLayout topics, IBrokerConnection broker, PrinterFleet fleet, ILogger<FilesRequestRouter> logger)
    {
        _config = config;
        _topics = topics;
        _broker = broker;
        _fleet = fleet;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _broker.Subscribe(FileTopics.AllRequests(_topics), OnRequestAsync);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await _stopping.CancelAsync().ConfigureAwait(false);

    internal ValueTask OnRequestAsync(IncomingMessage message)
    {
        if (message.Payload.Length == 0 || FileTopics.PrinterIdOfRequest(_topics, message.Topic) is not { } printerId)
        {
            return ValueTask.CompletedTask;
        }

        var request = FilesRequest.Parse(message.Payload);
        if (message.Retain)
        {
            _broker.Enqueue(new OutgoingMessage(message.Topic, [], Retain: true));
            Answer(printerId, message, FilesPayloads.Error(request, "retained request ignored: publish file requests without the retain flag"));
        }
        else if (request.Error is { } error)
        {
            Answer(printerId, message, FilesPayloads.Error(request, error));
        }
        else if (!_fleet.TryGet(printerId, out var printer))
        {
            Answer(printerId, message, FilesPayloads.Error(request, $"unknown printer '{printerId}'"));
        }
        else if (printer.Adapter is not IPrinterFileAccess files)
        {
            Answer(printerId, message, FilesPayloads.Error(request, $"printer '{printerId}' ({printer.Definition.Type}) has no file access"));
        }
        else
        {
            _ = Task.Run(() => ExecuteAsync(printerId, files, request, message), CancellationToken.None);
        }

        return ValueTask.CompletedTask;
    }

    private async Task ExecuteAsync(string printerId, IPrinterFileAccess files, FilesRequest request, IncomingMessage message)
    {
        byte[] payload;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            timeout.CancelAfter(OperationTimeout);
            if (request.Action == "list")
            {
                payload = FilesPayloads.Listing(request, await files.ListFilesAsync(request.Path, timeout.Token).ConfigureAwait(false));
            }
            else
            {
                var local = DownloadTarget.Resolve(_config.StateDir, printerId, request.Path);
                var result = await FileDownloader.DownloadAsync(files, request.Path, local, null, timeout.Token).ConfigureAwait(false);
                payload = FilesPayloads.Downloaded(request, local, result.Size, result.Sha256);
            }

            LogDone(printerId, request.Action, request.Path);
        }
        catch (PrinterFileException ex)
        {
            LogFailed(printerId, request.Action, request.Path, ex.Message);
            payload = FilesPayloads.Error(request, ex.Message);
        }
        catch (OperationCanceledException)
        {
            payload = FilesPayloads.Error(request, $"printer '{printerId}': the {request.Action} did not finish in time");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            payload = FilesPayloads.Error(request, $"writing the download failed: {ex.Message}");
        }

        Answer(printerId, message, payload);
    }

    private void Answer(string printerId, IncomingMessage request, byte[] payload)
    {
        _broker.Reply(FileTopics.Response(_topics, printerId), payload, request.ResponseTopic, request.CorrelationData);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Printer {PrinterId}: files {Action} {Path} done")]
    private partial void LogDone(string printerId, string? action, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Printer {PrinterId}: files {Action} {Path} failed: {Reason}")]
    private partial void LogFailed(string printerId, string? action, string path, string reason);
}
