using MQTTnet;

namespace Printernizer.Bridge.Publishing.Mqtt;

/// <summary>The broker answered CONNACK with a failure code (bad credentials, not authorized…).</summary>
internal sealed class BrokerRefusedException : Exception
{
    public BrokerRefusedException(MqttClientConnectResultCode code, string? reason)
        : base($"broker refused the connection: {code}{(string.IsNullOrEmpty(reason) ? string.Empty : " (" + reason + ")")}")
    {
        Code = code;
    }

    public MqttClientConnectResultCode Code { get; }
}
