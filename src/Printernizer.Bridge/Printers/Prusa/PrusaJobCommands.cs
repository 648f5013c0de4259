using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>Cancel, pause and resume on the v1 API, always naming the printer's current job id.</summary>
internal sealed class PrusaJobCommands
{
    private readonly PrusaLinkClient _client;
    private readonly PrusaPoller _poller;

    public PrusaJobCommands(PrusaLinkClient client, PrusaPoller poller)
    {
        _client = client;
        _poller = poller;
    }

    /// <summary>Sends the command; <paramref name="onJobIdRefreshed"/> receives the id read after a 404.</summary>
    public async Task<CommandResult> ExecuteAsync(
        PrinterCommand command, int? jobId, Action<int?> onJobIdRefreshed, CancellationToken cancellationToken)
    {
        var verb = Verb(command);
        if (jobId is not { } id)
        {
            return CommandResult.Failure($"nothing to {verb}: the printer has no job");
        }

        var (method, path) = command switch
        {
            PrinterCommand.Cancel => (HttpMethod.Delete, $"/api/v1/job/{id}"),
            PrinterCommand.Pause => (HttpMethod.Put, $"/api/v1/job/{id}/pause"),
            _ => (HttpMethod.Put, $"/api/v1/job/{id}/resume"),
        };

        try
        {
            var response = await _client.SendAsync(method, path, cancellationToken).ConfigureAwait(false);
            switch (response.StatusCode)
            {
                case 200 or 204:
                    return CommandResult.Success;
                case 409:
                    return CommandResult.Failure(PrusaErrorReader.ReadMessage(response.Body) is { } said
                        ? $"nothing to {verb}: {said}"
                        : $"nothing to {verb}");
                case 404:
                    var current = await _poller.ReadCurrentJobIdAsync(cancellationToken).ConfigureAwait(false);
                    onJobIdRefreshed(current);
                    return CommandResult.Failure(current is { } c
                        ? $"job {id} is no longer the printer's current job (now {c}); not sent, try again"
                        : $"nothing to {verb}: job {id} is no longer on the printer");
                default:
                    return CommandResult.Failure(
                        $"{verb} failed: printer answered {response.StatusCode}{Detail(response.Body)}");
            }
        }
        catch (PrusaAuthException)
        {
            return CommandResult.Failure($"{verb} failed: authentication failed");
        }
        catch (PrusaTransientException ex)
        {
            return CommandResult.NoAnswer($"{verb} failed: printer unreachable ({ex.Message})");
        }
        catch (PrusaBadResponseException ex)
        {
            return CommandResult.Failure($"{verb} failed: {ex.Message}");
        }
    }

    private static string Verb(PrinterCommand command) => command switch
    {
        PrinterCommand.Cancel => "cancel",
        PrinterCommand.Pause => "pause",
        _ => "resume",
    };

    private static string Detail(string body) => PrusaErrorReader.ReadMessage(body) is { } message ? $" ({message})" : "";
}
