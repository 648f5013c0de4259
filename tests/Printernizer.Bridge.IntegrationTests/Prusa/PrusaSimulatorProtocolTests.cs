using System.Net;
using System.Net.Sockets;
using System.Text;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.IntegrationTests.Prusa;

/// <summary>The simulator's own rules, checked with raw HTTP so no client politeness hides them.</summary>
public sealed class PrusaSimulatorProtocolTests
{
    [Fact]
    public async Task Get_BuddyQueryString_Answers404()
    {
        await using var simulator = await PrusaLinkSimulator.StartAsync(new PrusaSimulatorOptions { Flavour = PrusaFlavour.Buddy });

        var answer = await RawAsync(simulator.Port, "GET /api/v1/status?x=1 HTTP/1.1\r\nHost: p\r\nX-Api-Key: prusa-sim\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 404", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Buddy", "HTTP/1.1 401", "WWW-Authenticate: ApiKey realm=\"Printer API\"")]
    [InlineData("Pi", "HTTP/1.1 403", "Bad X-Api-Key.")]
    public async Task Get_WrongApiKey_RefusesLikeTheServer(string flavour, string statusLine, string detail)
    {
        await using var simulator = await PrusaLinkSimulator.StartAsync(new PrusaSimulatorOptions { Flavour = Enum.Parse<PrusaFlavour>(flavour), ApiKey = "right-key" });

        var answer = await RawAsync(simulator.Port, "GET /api/v1/status HTTP/1.1\r\nHost: p\r\nX-Api-Key: wrong\r\n\r\n");

        Assert.StartsWith(statusLine, answer, StringComparison.Ordinal);
        Assert.Contains(detail, answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Buddy", "Digest realm=\"Printer API\", nonce=\"", false)]
    [InlineData("Pi", "Digest realm=\"Administrator\", qop=\"auth\"", true)]
    public async Task Get_NoCredentials_ChallengesWithFlavourRealm(string flavour, string challengeStart, bool offersQop)
    {
        await using var simulator = await PrusaLinkSimulator.StartAsync(new PrusaSimulatorOptions { Flavour = Enum.Parse<PrusaFlavour>(flavour) });

        var answer = await RawAsync(simulator.Port, "GET /api/version HTTP/1.1\r\nHost: p\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 401", answer, StringComparison.Ordinal);
        Assert.Contains("WWW-Authenticate: " + challengeStart, answer, StringComparison.Ordinal);
        Assert.Equal(offersQop, answer.Contains("qop", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_KnownGetPathOnBuddy_Answers405AndCloses()
    {
        await using var simulator = await PrusaLinkSimulator.StartAsync(new PrusaSimulatorOptions { Flavour = PrusaFlavour.Buddy });

        var answer = await RawAsync(simulator.Port, "POST /api/v1/status HTTP/1.1\r\nHost: p\r\nX-Api-Key: prusa-sim\r\nContent-Length: 0\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 405", answer, StringComparison.Ordinal);
        Assert.Contains("Connection: close", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_FourthConnection_IsNotServed()
    {
        await using var simulator = await PrusaLinkSimulator.StartAsync(new PrusaSimulatorOptions { Flavour = PrusaFlavour.Buddy });
        var held = new List<TcpClient>();
        for (var i = 0; i < 3; i++)
        {
            var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, simulator.Port);
            held.Add(client);
        }

        var fourth = await RawAsync(simulator.Port, "GET /api/version HTTP/1.1\r\nHost: p\r\nX-Api-Key: prusa-sim\r\n\r\n");
        held.ForEach(c => c.Dispose());

        Assert.Equal("", fourth);
    }

    /// <summary>Sends one request on a fresh connection and reads until the server closes or has answered.</summary>
    private static async Task<string> RawAsync(int port, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var buffer = new byte[8192];
        var text = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                text.Append(Encoding.ASCII.GetString(buffer, 0, read));
                if (text.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    await Task.Delay(50);
                    if (stream.DataAvailable)
                    {
                        continue;
                    }

                    break;
                }
            }
        }
        catch (IOException)
        {
            // Reset by the server: whatever arrived is the answer.
        }

        return text.ToString();
    }
}
