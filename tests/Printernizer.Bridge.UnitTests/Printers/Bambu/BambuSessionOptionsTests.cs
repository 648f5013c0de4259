using MQTTnet;
using MQTTnet.Formatter;
using Printernizer.Bridge.Printers.Bambu;
using Printernizer.Bridge.Publishing.Mqtt;

namespace Printernizer.Bridge.UnitTests.Printers.Bambu;

public sealed class BambuSessionOptionsTests : IDisposable
{
    private readonly string _stateDir = Directory.CreateTempSubdirectory("bambu-session-options-").FullName;

    [Fact]
    public async Task ClientOptions_AnyPrinter_Mqtt311WithBblpAndRoomySocketBuffers()
    {
        var settings = new BambuSettings("00M09A350100001", "12345678", null, false, BambuSettings.DefaultWatchdog, BambuSettings.DefaultAuthRetry);
        await using var session = new BambuSession("x1c", "192.0.2.10", 8883, settings,
            new BambuCertificateValidator("x1c", settings, new BambuCertificatePinStore(_stateDir)), TimeProvider.System);

        var options = session.ClientOptions;

        Assert.Equal(MqttProtocolVersion.V311, options.ProtocolVersion);
        Assert.Equal("bblp", options.Credentials.GetUserName(options));
        Assert.Equal(MqttSocketBuffers.Bytes, Assert.IsType<MqttClientTcpOptions>(options.ChannelOptions).BufferSize);
    }

    public void Dispose() => Directory.Delete(_stateDir, recursive: true);
}
