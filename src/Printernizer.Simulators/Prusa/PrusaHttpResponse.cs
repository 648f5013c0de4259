using System.Text;

namespace Printernizer.Simulators.Prusa;

/// <summary>An answer to write; <see cref="Close"/> ends the keep-alive connection after it.</summary>
internal sealed record PrusaHttpResponse(int Status, string? ContentType, byte[] Body, IReadOnlyList<KeyValuePair<string, string>> Headers, bool Close)
{
    public static PrusaHttpResponse Json(int status, string json) =>
        new(status, "application/json", Encoding.UTF8.GetBytes(json), [], false);

    public static PrusaHttpResponse Text(int status, string text) =>
        new(status, "text/plain", Encoding.UTF8.GetBytes(text), [], false);

    public static PrusaHttpResponse Empty(int status) => new(status, null, [], [], false);

    public PrusaHttpResponse WithHeader(string name, string value) => this with { Headers = [.. Headers, new(name, value)] };

    public static string Reason(int status) => status switch
    {
        200 => "OK",
        204 => "No Content",
        206 => "Partial Content",
        304 => "Not Modified",
        416 => "Range Not Satisfiable",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
