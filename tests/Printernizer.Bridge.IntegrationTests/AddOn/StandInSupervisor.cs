using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.IntegrationTests.AddOn;

/// <summary>
/// A real HTTP server on 127.0.0.1 that answers like the Home Assistant Supervisor: the add-on's
/// bearer token is checked (401 otherwise), <c>GET /services/mqtt</c> gets the configured answer,
/// anything else a 404, always in the Supervisor's <c>{"result", "data" | "message"}</c> envelope.
/// The simulators' HTTP server does the socket work.
/// </summary>
internal sealed class StandInSupervisor : IAsyncDisposable
{
    public const string Token = "supervisor-token-0123456789abcdef";

    private readonly PrusaHttpServer _server;
    private readonly ConcurrentQueue<PrusaHttpRequest> _requests = new();
    private readonly int _mqttStatus;
    private readonly string _mqttBody;

    private StandInSupervisor(int mqttStatus, string mqttBody)
    {
        _mqttStatus = mqttStatus;
        _mqttBody = mqttBody;
        _server = new PrusaHttpServer(IPAddress.Loopback, slots: 8, TimeSpan.FromSeconds(30), TimeProvider.System, AnswerAsync);
        _server.Start(0);
    }

    public string Url => $"http://127.0.0.1:{_server.Port}";

    public IReadOnlyList<PrusaHttpRequest> Requests => [.. _requests];

    /// <summary>The Mosquitto add-on's announcement as the Supervisor relays it.</summary>
    public static StandInSupervisor WithBroker(string host, int port, string? username, string? password, bool ssl = false) =>
        new(200, JsonSerializer.Serialize(new
        {
            result = "ok",
            data = new { host, port, ssl, protocol = "3.1.1", username, password, addon = "core_mosquitto" },
        }));

    /// <summary>An error as the Supervisor's API wrapper sends it.</summary>
    public static StandInSupervisor Failing(int status, string message) =>
        new(status, JsonSerializer.Serialize(new { result = "error", message }));

    /// <summary>Any answer, for malformed ones.</summary>
    public static StandInSupervisor Answering(int status, string body) => new(status, body);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private Task<PrusaHttpResponse?> AnswerAsync(PrusaHttpRequest request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request);
        PrusaHttpResponse response;
        if (request.Header("Authorization") != $"Bearer {Token}")
        {
            response = PrusaHttpResponse.Json(401, """{"result":"error","message":"Unauthorized"}""");
        }
        else if (request.Method == "GET" && request.Path == "/services/mqtt")
        {
            response = PrusaHttpResponse.Json(_mqttStatus, _mqttBody);
        }
        else
        {
            response = PrusaHttpResponse.Json(404, """{"result":"error","message":"Not found"}""");
        }

        return Task.FromResult<PrusaHttpResponse?>(response);
    }
}
