using Microsoft.Extensions.Logging;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>A Bambu Lab printer: one MQTT session over TLS to the printer's own broker.</summary>
internal sealed class BambuPrinterAdapter : IPrinterAdapter, IPrinterFileAccess, IJobThumbnailSource
{
    private readonly PrinterDefinition _printer;
    private readonly BambuSettings _settings;
    private readonly PrinterAdapterContext _context;
    private readonly BambuStateReporter _reporter;
    private readonly BambuCommandTracker _commands;
    private readonly BambuSessionRunner _runner;
    private readonly BambuSequenceIds _sequenceIds = new();
    private readonly ILogger _logger;
    private readonly BambuFileAccess _files;
    private readonly BambuJobThumbnail _thumbnail;
    private readonly BambuConnectGate _connectGate;

    public BambuPrinterAdapter(PrinterDefinition printer, BambuSettings settings, PrinterAdapterContext context, BambuConnectGate? connectGate = null)
    {
        _connectGate = connectGate ?? new BambuConnectGate();
        _printer = printer;
        _settings = settings;
        _context = context;
        _logger = context.LoggerFactory.CreateLogger<BambuPrinterAdapter>();
        var metrics = context.MetricsFor(printer);
        InputFaults = new BambuInputFaultCounter(_logger, printer.Id, metrics);
        _reporter = new BambuStateReporter(printer.Id, settings.Serial, context.Time);
        _commands = new BambuCommandTracker(printer.Id);
        _runner = new BambuSessionRunner(printer.Id, settings, context.Time, _logger, InputFaults, _commands, _reporter, metrics);
        var ftpsValidator = new BambuCertificateValidator(printer.Id, settings, new BambuCertificatePinStore(context.StateDirectory));
        _files = new BambuFileAccess(printer.Id, printer.Host, settings, ftpsValidator, context.Time);
        _thumbnail = new BambuJobThumbnail(_files, _logger);
    }

    public string PrinterId => _printer.Id;

    /// <summary>Bad input received so far, by kind.</summary>
    public BambuInputFaultCounter InputFaults { get; }

    public async Task RunAsync(IPrinterStateSink sink, CancellationToken cancellationToken)
    {
        _reporter.Attach(sink);
        _reporter.Report(_reporter.Current);
        var loop = new BambuConnectionLoop(_printer.Id, _printer.Host, _printer.Port, _settings, _context, _reporter, _runner, _connectGate);
        try
        {
            await loop.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
    }

    public async Task<CommandResult> ExecuteAsync(PrinterCommand command, CancellationToken cancellationToken)
    {
        var name = BambuCommandBuilder.CommandName(command);
        var session = _runner.Current;
        if (session is null || !session.IsConnected)
        {
            return CommandResult.Failure($"printer '{_printer.Id}' is not connected; '{name}' was not sent");
        }

        var sequenceId = _sequenceIds.Next();
        var key = sequenceId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var answer = _commands.Register(key, name);
        try
        {
            await session.PublishAsync(BambuCommandBuilder.Print(command, sequenceId), cancellationToken).ConfigureAwait(false);
            return await answer.WaitAsync(_settings.CommandTimeout, _context.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return CommandResult.NoAnswer($"printer '{_printer.Id}' did not answer '{name}' within {_settings.CommandTimeout.TotalSeconds:0} s");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning("Printer {PrinterId}: sending '{Command}' failed: {Reason}", _printer.Id, name, ex.Message);
            return CommandResult.Failure($"printer '{_printer.Id}': sending '{name}' failed: {ex.Message}");
        }
        finally
        {
            _commands.Forget(key);
        }
    }

    public Task<IReadOnlyList<PrinterFileEntry>> ListFilesAsync(string path, CancellationToken cancellationToken) =>
        _files.ListFilesAsync(path, cancellationToken);

    public Task DownloadAsync(string path, Stream destination, IProgress<long>? progress, CancellationToken cancellationToken) =>
        _files.DownloadAsync(path, destination, progress, cancellationToken);

    public Task<byte[]?> GetJobThumbnailAsync(PrintJob job, CancellationToken cancellationToken) =>
        _thumbnail.FetchAsync(job, cancellationToken);

    public ValueTask DisposeAsync()
    {
        _files.Dispose();
        return ValueTask.CompletedTask;
    }
}
