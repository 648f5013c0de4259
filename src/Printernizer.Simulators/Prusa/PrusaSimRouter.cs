namespace Printernizer.Simulators.Prusa;

/// <summary>
/// Answers one request as the chosen server would: routing (Buddy matches the whole target, so any
/// query string is a 404), auth, 405 for a wrong method, the job rules, and the injected fault.
/// </summary>
internal sealed class PrusaSimRouter
{
    private readonly PrusaSimulatorOptions _options;
    private readonly PrusaSimPrinter _printer;
    private readonly PrusaSimAuthenticator _auth;
    private readonly PrusaSimBodies _bodies;
    private readonly PrusaSimLegacyBodies _legacy;
    private readonly PrusaSimFiles _files;
    private readonly Func<PrusaFault> _fault;

    public PrusaSimRouter(PrusaSimulatorOptions options, PrusaSimPrinter printer, Func<PrusaFault> fault)
    {
        _options = options;
        _printer = printer;
        _auth = new PrusaSimAuthenticator(options);
        _bodies = new PrusaSimBodies(options);
        _legacy = new PrusaSimLegacyBodies(options);
        _files = new PrusaSimFiles(options);
        _fault = fault;
    }

    private bool IsBuddy => _options.Flavour == PrusaFlavour.Buddy;

    public async Task<PrusaHttpResponse?> HandleAsync(PrusaHttpRequest request, CancellationToken cancellationToken)
    {
        var fault = _fault();
        if (fault == PrusaFault.Drop)
        {
            return null;
        }

        if (fault == PrusaFault.Slow)
        {
            await Task.Delay(_options.SlowDelay, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }

        var segments = (IsBuddy ? request.Target : request.Path).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var method = AllowedMethod(segments);
        if (method is null)
        {
            return Error(request, 404, "");
        }

        if (_auth.Check(request, fault == PrusaFault.BadCredentials) is { } refusal)
        {
            return refusal;
        }

        if (request.Method != method)
        {
            // Buddy closes the connection after a 405.
            return Error(request, 405, "") with { Close = IsBuddy };
        }

        if (fault == PrusaFault.ServiceUnavailable)
        {
            return Error(request, 503, "Printer is not connected");
        }

        if (fault == PrusaFault.BadJson && method == "GET")
        {
            return PrusaHttpResponse.Json(200, "{\"printer\": {\"state\": \"PRI");
        }

        return Dispatch(request, segments);
    }

    private static string? AllowedMethod(string[] s) => s switch
    {
        ["api", "version"] or ["api", "printer"] or ["api", "v1", "info"] or ["api", "v1", "status"] or ["api", "v1", "job"] => "GET",
        ["api", "v1", "job", _] => "DELETE",
        ["api", "v1", "job", _, _] => "PUT",
        ["api", "v1", "storage"] or ["api", "v1", "files", _, ..] or ["usb", _, ..] or ["thumb", "l", "usb", _, ..] => "GET",
        ["api", "files", "local", _, .., "raw"] or ["api", "thumbnails", _, ..] => "GET",
        _ => null,
    };

    private PrusaHttpResponse Dispatch(PrusaHttpRequest request, string[] s)
    {
        var snapshot = _printer.Snapshot();
        return s switch
        {
            ["api", "version"] => PrusaHttpResponse.Json(200, _bodies.Version()),
            ["api", "printer"] => PrusaHttpResponse.Json(200, _legacy.LegacyPrinter(snapshot)),
            ["api", "v1", "info"] => PrusaHttpResponse.Json(200, _bodies.Info()),
            ["api", "v1", "status"] => PrusaHttpResponse.Json(200, _bodies.Status(snapshot)),
            ["api", "v1", "job"] => _bodies.Job(snapshot) is { } job ? PrusaHttpResponse.Json(200, job) : PrusaHttpResponse.Empty(204),
            ["api", "v1", "job", var id] => JobCommand(request, id, "stop"),
            ["api", "v1", "job", var id, var word] => JobCommand(request, id, word),
            ["api", "v1", "storage"] => _files.StorageList(),
            ["api", "v1", "files", .. var path] => _files.Listing(request, path),
            ["usb", .. var path] when IsBuddy => _files.Download(request, path),
            ["api", "files", "local", .. var path, "raw"] when !IsBuddy => _files.Download(request, path),
            ["thumb", "l", "usb", .. var path] when IsBuddy => _files.Thumbnail(path, snapshot.JobFileName, PrusaSimBodies.ShortName(snapshot.JobFileName)),
            ["api", "thumbnails", .. var path] when !IsBuddy && path[^1].EndsWith(".orig.png", StringComparison.Ordinal) =>
                _files.Thumbnail([.. path[..^1], path[^1][..^".orig.png".Length]], snapshot.JobFileName, snapshot.JobFileName),
            _ => Error(request, 404, ""),
        };
    }

    private PrusaHttpResponse JobCommand(PrusaHttpRequest request, string id, string word)
    {
        if (word == "continue" && !IsBuddy)
        {
            // The Pi has the route but it does nothing.
            return PrusaHttpResponse.Empty(204);
        }

        if (word is not ("stop" or "pause" or "resume"))
        {
            return IsBuddy ? Error(request, 400, "Unknown command") : Error(request, 404, "");
        }

        return _printer.Command(id, word) switch
        {
            PrusaSimJobAnswer.Done => PrusaHttpResponse.Empty(204),
            PrusaSimJobAnswer.BadId => Error(request, 400, "Invalid job id"),
            PrusaSimJobAnswer.WrongJob => Error(request, 404, ""),
            _ => Error(request, 409, IsBuddy ? "" : word == "resume" ? "Printer Is Not Paused" : "Printer Is Not Printing"),
        };
    }

    private PrusaHttpResponse Error(PrusaHttpRequest request, int status, string message)
    {
        var reason = PrusaHttpResponse.Reason(status);
        if (!IsBuddy)
        {
            return PrusaHttpResponse.Json(status, $"{{\"title\": \"{reason}\", \"message\": \"{message}\"}}");
        }

        return request.AcceptsJson
            ? PrusaHttpResponse.Json(status, $"{{\"title\": \"{status}: {reason}\",\"message\":\"{message}\"}}")
            : PrusaHttpResponse.Text(status, $"{status}: {reason}\n\n{message}\n");
    }
}
