namespace Printernizer.Bridge.Configuration;

/// <summary>Rules for configured topic prefixes (<c>base_topic</c>, <c>discovery_prefix</c>).</summary>
internal static class TopicRules
{
    /// <summary>Null when the prefix is usable, otherwise why not.</summary>
    public static string? Check(string topic)
    {
        if (topic.Length == 0)
        {
            return "must not be empty";
        }

        if (topic.Contains('+', StringComparison.Ordinal) || topic.Contains('#', StringComparison.Ordinal))
        {
            return "must not contain the MQTT wildcards + or #";
        }

        if (topic.StartsWith('/') || topic.EndsWith('/'))
        {
            return "must not start or end with /";
        }

        if (topic.Contains("//", StringComparison.Ordinal))
        {
            return "must not contain an empty level (//)";
        }

        return topic.Contains('\0', StringComparison.Ordinal) ? "must not contain a NUL character" : null;
    }
}
