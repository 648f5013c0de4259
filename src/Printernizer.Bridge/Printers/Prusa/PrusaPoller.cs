using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>The requests of one connect (identify) and of one poll cycle, folded into state.</summary>
internal sealed class PrusaPoller
{
    private readonly PrusaLinkClient _client;
    private readonly TimeProvider _time;
    private readonly string? _configuredModel;
    private readonly IPrinterMetrics _metrics;
    private string? _lastRawState;
    private int? _fetchedJobId;

    public PrusaPoller(PrusaLinkClient client, TimeProvider time, string? configuredModel, IPrinterMetrics? metrics = null)
    {
        _metrics = metrics ?? NullPrinterMetrics.Instance;
        _client = client;
        _time = time;
        _configuredModel = configuredModel;
    }

    /// <summary><c>/api/version</c>, <c>/api/v1/info</c> and the loaded material, on every connect.</summary>
    public async Task<PrinterState> IdentifyAsync(PrinterState state, CancellationToken cancellationToken)
    {
        var versionResponse = await _client.SendAsync(HttpMethod.Get, "/api/version", cancellationToken).ConfigureAwait(false);
        if (versionResponse.StatusCode != 200)
        {
            throw new PrusaTransientException($"/api/version answered {versionResponse.StatusCode}");
        }

        var version = ReadOrTransient(() => PrusaIdentityReader.ReadVersion(versionResponse.Body));
        var infoResponse = await _client.SendAsync(HttpMethod.Get, "/api/v1/info", cancellationToken).ConfigureAwait(false);
        var info = infoResponse.StatusCode == 200 ? ReadOrTransient(() => PrusaIdentityReader.ReadInfo(infoResponse.Body)) : null;
        _lastRawState = null;
        _fetchedJobId = null;
        return PrusaStatusNormalizer.ApplyIdentity(state, _configuredModel, version, info);
    }

    /// <summary><c>/api/v1/status</c>, <c>/api/v1/job</c> while there is a job, and the material when the state moved.</summary>
    /// <exception cref="PrusaBadResponseException">The status body is unusable.</exception>
    public async Task<PrusaPollResult> PollAsync(PrinterState state, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var statusResponse = await _client.SendAsync(HttpMethod.Get, "/api/v1/status", cancellationToken).ConfigureAwait(false);
        if (statusResponse.StatusCode != 200)
        {
            throw new PrusaTransientException($"/api/v1/status answered {statusResponse.StatusCode}");
        }

        var status = PrusaStatusReader.Read(statusResponse.Body);
        var mapped = PrusaStateMapper.Map(status.State);
        PrusaJob? job = null;
        var holdsJob = status.Job is not null || PrusaStateMapper.HoldsJob(mapped);
        // status.job carries progress and times; /api/v1/job adds only the file and its metadata,
        // which belong to the job, so it is read once per job and state rather than on every poll.
        if (holdsJob && (status.Job?.Id is not { } id || id != _fetchedJobId || status.State != _lastRawState))
        {
            var jobResponse = await _client.SendAsync(HttpMethod.Get, "/api/v1/job", cancellationToken).ConfigureAwait(false);
            job = jobResponse.StatusCode == 200 ? PrusaJobReader.Read(jobResponse.Body) : null;
            _fetchedJobId = job?.Id;
        }

        var next = PrusaStatusNormalizer.Apply(state, status, job, _time.GetUtcNow());
        if (status.State != _lastRawState)
        {
            // Material changes only through load/unload, which passes through another state.
            next = await RefreshMaterialAsync(next, cancellationToken).ConfigureAwait(false);
            _lastRawState = status.State;
        }

        var active = status.Job is not null || PrusaStateMapper.HoldsJob(mapped);
        _metrics.MessageReceived();
        _metrics.PollCompleted(_time.GetElapsedTime(started));
        return new PrusaPollResult(next, active, status.Job?.Id ?? job?.Id);
    }

    /// <summary>The current job id straight from the printer (after a 404 on a command).</summary>
    public async Task<int?> ReadCurrentJobIdAsync(CancellationToken cancellationToken)
    {
        var response = await _client.SendAsync(HttpMethod.Get, "/api/v1/status", cancellationToken).ConfigureAwait(false);
        return response.StatusCode == 200 ? PrusaStatusReader.Read(response.Body).Job?.Id : null;
    }

    private async Task<PrinterState> RefreshMaterialAsync(PrinterState state, CancellationToken cancellationToken)
    {
        var response = await _client.SendAsync(HttpMethod.Get, "/api/printer", cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != 200)
        {
            return state;
        }

        try
        {
            return PrusaStatusNormalizer.ApplyMaterial(state, PrusaLegacyReader.ReadPrinter(response.Body));
        }
        catch (PrusaBadResponseException)
        {
            // Material is a nicety; a bad legacy body must not cost the whole poll.
            return state;
        }
    }

    private static T ReadOrTransient<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (PrusaBadResponseException ex)
        {
            throw new PrusaTransientException(ex.Message, ex);
        }
    }
}
