using Printernizer.Bridge.Printers.Prusa;

namespace Printernizer.Bridge.UnitTests.Printers.Prusa;

public sealed class PrusaLinkClientLimitTests
{
    private static readonly Uri Printer = new("http://printer.local/");
    private static readonly PrusaSettings ApiKey = new("maker", null, "key", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5));

    [Fact]
    public async Task SendAsync_BodyOverOneMebibyte_TransientFailureNotRead()
    {
        var handler = new FakeHttpHandler((_, _) => FakeHttpHandler.Json("{\"x\":\"" + new string('x', 2 * 1024 * 1024) + "\"}"));
        using var client = new PrusaLinkClient(Printer, ApiKey, TimeProvider.System, handler);

        await Assert.ThrowsAsync<PrusaTransientException>(() => client.SendAsync(HttpMethod.Get, "/api/v1/status", CancellationToken.None));
    }

    [Fact]
    public void ParseObject_NestedDeeperThan32_BadResponse()
    {
        var body = new string('[', 40) + new string(']', 40);

        Assert.Throws<PrusaBadResponseException>(() => PrusaJson.ParseObject("{\"a\":" + body + "}", "status"));
    }

    [Theory]
    [InlineData("DELETE")]
    [InlineData("PUT")]
    public async Task SendAsync_Command_CarriesABodySoTheHandlerNeverResendsIt(string method)
    {
        HttpContent? content = null;
        var handler = new FakeHttpHandler((request, _) =>
        {
            content = request.Content;
            return new HttpResponseMessage(System.Net.HttpStatusCode.NoContent);
        });
        using var client = new PrusaLinkClient(Printer, ApiKey, TimeProvider.System, handler);

        await client.SendAsync(new HttpMethod(method), "/api/v1/job/1", CancellationToken.None);

        Assert.NotNull(content);
    }
}
