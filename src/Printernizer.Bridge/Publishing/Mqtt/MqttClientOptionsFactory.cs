using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Printernizer.Bridge.Configuration;

namespace Printernizer.Bridge.Publishing.Mqtt;

/// <summary>Builds the MQTTnet options for the local broker: MQTT 5, retained last will, TLS as configured.</summary>
internal static class MqttClientOptionsFactory
{
    /// <summary>
    /// Announced to the broker (MQTT 5), which then drops anything bigger instead of sending it:
    /// the bridge reads only commands (4 KiB), Home Assistant's status and its own discovery configs.
    /// </summary>
    public const uint MaxPacketBytes = 256 * 1024;

    public static MqttClientOptions Create(MqttSettings settings, TopicLayout topics)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(settings.Host, settings.Port)
            .WithClientId(settings.ClientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(TimeSpan.FromSeconds(10))
            .WithMaximumPacketSize(MaxPacketBytes)
            .WithWillTopic(topics.BridgeState)
            .WithWillPayload("offline")
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);

        if (!string.IsNullOrEmpty(settings.Username))
        {
            builder.WithCredentials(settings.Username, settings.Password ?? string.Empty);
        }

        if (settings.UseTls)
        {
            builder.WithTlsOptions(tls =>
            {
                tls.UseTls(true).WithTargetHost(settings.Host);
                if (settings.TlsInsecure)
                {
                    tls.WithAllowUntrustedCertificates(true)
                        .WithIgnoreCertificateChainErrors(true)
                        .WithCertificateValidationHandler(_ => true);
                }
                else if (settings.CaFile is { } caFile)
                {
                    var authority = X509CertificateLoader.LoadCertificateFromFile(caFile);
                    tls.WithCertificateValidationHandler(args =>
                        IsSignedBy(args.Certificate, args.SslPolicyErrors, authority));
                }
            });
        }

        return builder.Build().WithRoomySocketBuffers();
    }

    /// <summary>Accepts a broker certificate that chains to the configured CA; the host name must still match.</summary>
    internal static bool IsSignedBy(X509Certificate? presented, SslPolicyErrors errors, X509Certificate2 authority)
    {
        if (presented is null || (errors & (SslPolicyErrors.RemoteCertificateNotAvailable | SslPolicyErrors.RemoteCertificateNameMismatch)) != 0)
        {
            return false;
        }

        using var certificate = new X509Certificate2(presented);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
