using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.IntegrationTests.Infrastructure;

namespace Printernizer.Bridge.IntegrationTests.Publishing;

public sealed class BrokerSecurityTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("printernizer-tls-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Mqtts_BrokerCertificateFromConfiguredCa_ConnectsWithCredentials()
    {
        using var certificates = new TestCertificates();
        await using var broker = await TestBroker.StartAsync(certificates, ("bridge", "s3cret-pass"));
        var caFile = Path.Combine(_dir, "broker-ca.pem");
        await File.WriteAllTextAsync(caFile, certificates.Authority.ExportCertificatePem());
        var config = Secure(broker, caFile, insecure: false, "bridge", "s3cret-pass");

        await using var bridge = await BridgeTestHost.StartAsync(config);

        await WaitForConnectedLogAsync(bridge);
        Assert.DoesNotContain(bridge.Logs, e => e.RenderMessage().Contains("s3cret-pass", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mqtts_CertificateFromAnotherCa_Refused()
    {
        using var certificates = new TestCertificates();
        using var stranger = new TestCertificates("Someone Else CA");
        await using var broker = await TestBroker.StartAsync(certificates);
        var caFile = Path.Combine(_dir, "other-ca.pem");
        await File.WriteAllTextAsync(caFile, stranger.Authority.ExportCertificatePem());

        await using var bridge = await BridgeTestHost.StartAsync(Secure(broker, caFile, insecure: false, null, null));

        await WaitForLogAsync(bridge, "Cannot connect to MQTT broker");
        Assert.DoesNotContain(bridge.Logs, e => e.RenderMessage().StartsWith("Connected to MQTT broker", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mqtt_WrongPassword_RetriedWithBackoffWithoutLeakingThePassword()
    {
        await using var broker = await TestBroker.StartAsync(credentials: ("bridge", "right-pass"));
        var config = BridgeTestHost.CreateConfig(broker, Path.Combine(_dir, "state"));
        config = config with { Mqtt = config.Mqtt with { Username = "bridge", Password = "wrong-pass-123" } };

        await using var bridge = await BridgeTestHost.StartAsync(config);

        await WaitForLogAsync(bridge, "Cannot connect to MQTT broker");
        Assert.DoesNotContain(bridge.Logs, e => e.RenderMessage().Contains("wrong-pass-123", StringComparison.Ordinal));
    }

    private BridgeConfig Secure(TestBroker broker, string caFile, bool insecure, string? user, string? password)
    {
        var config = BridgeTestHost.CreateConfig(broker, Path.Combine(_dir, "state"));
        return config with
        {
            Mqtt = config.Mqtt with { UseTls = true, CaFile = caFile, TlsInsecure = insecure, Username = user, Password = password },
        };
    }

    private static Task WaitForConnectedLogAsync(BridgeTestHost bridge) => WaitForLogAsync(bridge, "Connected to MQTT broker");

    private static async Task WaitForLogAsync(BridgeTestHost bridge, string start)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!bridge.Logs.Any(e => e.RenderMessage().StartsWith(start, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no log line starting with '{start}':\n" + string.Join("\n", bridge.Logs.Select(e => e.RenderMessage())));
            await Task.Delay(100);
        }
    }
}
