using System.Text;
using Printernizer.Bridge.IntegrationTests.Infrastructure;

namespace Printernizer.Bridge.FaultTests.Infrastructure;

/// <summary>SPEC §5: no configured secret in any log line, MQTT payload, topic or process output.</summary>
internal static class SecretScan
{
    /// <summary>Returns the number of bytes scanned; throws naming where a secret was found (never the secret itself).</summary>
    public static long AssertClean(IReadOnlyCollection<string> secrets, IEnumerable<string> logLines, IEnumerable<CapturedMessage> messages, string? processOutput = null)
    {
        var leaks = new List<string>();
        long scanned = 0;
        foreach (var line in logLines)
        {
            scanned += line.Length;
            Check(line, "log line", leaks, secrets);
        }

        foreach (var message in messages)
        {
            scanned += message.Payload.Length + message.Topic.Length;
            Check(message.Topic, "topic " + message.Topic, leaks, secrets);
            Check(Encoding.UTF8.GetString(message.Payload), "payload on " + message.Topic, leaks, secrets);
            Check(Encoding.Latin1.GetString(message.Payload), "payload on " + message.Topic, leaks, secrets);
        }

        if (processOutput is not null)
        {
            scanned += processOutput.Length;
            Check(processOutput, "process output", leaks, secrets);
        }

        Assert.True(leaks.Count == 0, "secrets leaked:\n" + string.Join("\n", leaks.Distinct().Take(20)));
        return scanned;
    }

    private static void Check(string text, string where, List<string> leaks, IReadOnlyCollection<string> secrets)
    {
        foreach (var secret in secrets)
        {
            if (secret.Length > 0 && text.Contains(secret, StringComparison.Ordinal))
            {
                leaks.Add($"secret #{secret.Length}chars in {where}");
            }
        }
    }
}
