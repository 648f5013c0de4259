using System.Text.Json;
using Printernizer.Bridge.Configuration;

namespace Printernizer.Bridge.Hosting.AddOn;

/// <summary>Reads <c>/data/options.json</c>, which the Supervisor writes from the add-on's configuration tab.</summary>
internal static class AddOnOptionsFile
{
    private static readonly JsonDocumentOptions ParseOptions = new()
    {
        AllowDuplicateProperties = false,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 16,
    };

    /// <summary>The options object, or null with the reason added to <paramref name="problems"/>.</summary>
    public static JsonElement? Read(string path, ICollection<ConfigProblem> problems)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Problem($"file not found (looked for {Path.GetFullPath(path)}); the Supervisor writes it when the add-on starts");
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException)
        {
            return Problem("cannot be read: permission denied");
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or NotSupportedException)
        {
            return Problem($"cannot be read: {ex.GetType().Name}");
        }

        try
        {
            using var document = JsonDocument.Parse(text, ParseOptions);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : Problem("expected a JSON object with the add-on's options");
        }
        catch (JsonException ex)
        {
            // Only the position: the exception text can quote the file, and the file holds secrets.
            return Problem($"not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})");
        }

        JsonElement? Problem(string message)
        {
            problems.Add(new ConfigProblem(path, 0, string.Empty, message));
            return null;
        }
    }
}
