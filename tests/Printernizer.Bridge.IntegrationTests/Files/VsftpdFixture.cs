using System.Security.Cryptography.X509Certificates;
using Printernizer.Simulators.Tls;

namespace Printernizer.Bridge.IntegrationTests.Files;

/// <summary>One vsftpd per test class, with a certificate whose CN is the printer's serial.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class VsftpdFixture : IAsyncLifetime
{
    public const string Serial = "00M09A350100001";

    internal X509Certificate2 Certificate { get; } = SelfSignedCertificateFactory.Create(Serial, TimeProvider.System);

    internal VsftpdServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (VsftpdServer.Available)
        {
            Server = await VsftpdServer.StartAsync(Certificate);
        }
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        Certificate.Dispose();
    }
}
