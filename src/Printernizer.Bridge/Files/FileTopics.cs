using Printernizer.Bridge.Publishing;

namespace Printernizer.Bridge.Files;

/// <summary>The file and thumbnail topics, next to the others of <see cref="TopicLayout"/>.</summary>
internal static class FileTopics
{
    public static string Request(TopicLayout topics, string printerId) => $"{topics.BaseTopic}/{printerId}/files/request";

    public static string Response(TopicLayout topics, string printerId) => $"{topics.BaseTopic}/{printerId}/files/response";

    public static string AllRequests(TopicLayout topics) => $"{topics.BaseTopic}/+/files/request";

    public static string Thumbnail(TopicLayout topics, string printerId) => $"{topics.BaseTopic}/{printerId}/thumbnail";

    /// <summary>The printer id of <c>&lt;base&gt;/&lt;id&gt;/files/request</c>, or null.</summary>
    public static string? PrinterIdOfRequest(TopicLayout topics, string topic)
    {
        var prefix = topics.BaseTopic + "/";
        const string suffix = "/files/request";
        if (!topic.StartsWith(prefix, StringComparison.Ordinal) || !topic.EndsWith(suffix, StringComparison.Ordinal) || topic.Length <= prefix.Length + suffix.Length)
        {
            return null;
        }

        var id = topic[prefix.Length..^suffix.Length];
        return id.Length <= 64 && !id.Contains('/', StringComparison.Ordinal) ? id : null;
    }
}
