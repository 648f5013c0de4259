using System.Net;
using System.Net.Http.Headers;

namespace Printernizer.Bridge.Hosting.AddOn;

/// <summary>
/// Asks the Home Assistant Supervisor for the MQTT broker (<c>GET /services/mqtt</c> with the
/// add-on's bearer token). The add-on manifest declares <c>services: mqtt:need</c>, which is
/// what grants access to this endpoint.
/// </summary>
internal sealed class SupervisorClient : IDisposable
{
    public const string MqttServicePath = "services/mqtt";

    /// <summary>The Supervisor answers at once on the internal network; waiting longer only delays the error.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http;
    private readonly string _token;

    /// <param name="baseUrl">Like <c>http://supervisor</c>; a path prefix is kept.</param>
    public SupervisorClient(string baseUrl, string token)
    {
        if (!Uri.TryCreate(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/", UriKind.Absolute, out var baseAddress)
            || baseAddress.Scheme is not ("http" or "https"))
        {
            throw new SupervisorException($"{AddOnEnvironment.SupervisorUrlVariable} must be an http:// or https:// URL");
        }

        BaseAddress = baseAddress;
        _token = token;
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = RequestTimeout };
    }

    public Uri BaseAddress { get; }

    /// <summary>Where problems with the broker are reported: the endpoint that announced it.</summary>
    public Uri MqttServiceUrl => new(BaseAddress, MqttServicePath);

    public async Task<SupervisorMqttService> GetMqttServiceAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, MqttServicePath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            // The exception text names the host and the socket error; it cannot contain the token.
            throw new SupervisorException($"cannot reach the Supervisor at {BaseAddress}: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SupervisorException($"the Supervisor at {BaseAddress} did not answer within {RequestTimeout.TotalSeconds:0} s", ex);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new SupervisorException(DescribeRefusal(response.StatusCode, SupervisorAnswer.ErrorMessage(body)));
            }

            return SupervisorAnswer.ReadMqttService(body);
        }
    }

    public void Dispose() => _http.Dispose();

    private static string DescribeRefusal(HttpStatusCode status, string? message)
    {
        var answered = $"the Supervisor answered {(int)status} {status}{(message is null ? string.Empty : $" ({message})")}";
        return (int)status switch
        {
            401 or 403 => $"{answered}: the add-on may not read the MQTT service; its config.yaml must declare services: [\"mqtt:need\"]",
            400 or 404 => $"{answered}: no MQTT broker is available; install and start the Mosquitto broker add-on (or another add-on that provides the mqtt service)",
            _ => $"{answered}: the Supervisor failed; restart the add-on, and check the Supervisor log if it persists",
        };
    }
}
