using System.Text;
using System.Text.RegularExpressions;

namespace Printernizer.Bridge.Configuration;

/// <summary>
/// Replaces <c>${VAR}</c> from the environment and <c>${file:/run/secrets/name}</c> with the
/// trimmed content of that file, anywhere inside a value. Problems name the key and the variable
/// or path, never the value.
/// </summary>
internal sealed partial class VariableExpander
{
    private const string FilePrefix = "file:";

    private readonly Func<string, string?> _getEnvironmentVariable;
    private readonly string _baseDirectory;

    public VariableExpander(Func<string, string?> getEnvironmentVariable, string baseDirectory)
    {
        _getEnvironmentVariable = getEnvironmentVariable;
        _baseDirectory = baseDirectory;
    }

    /// <summary>Returns the expanded text, or null when a reference could not be resolved (each one is reported).</summary>
    public string? Expand(string text, int line, string keyPath, ConfigProblemList problems)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var failed = false;
        var position = 0;
        while (position < text.Length)
        {
            var start = text.IndexOf("${", position, StringComparison.Ordinal);
            if (start < 0)
            {
                result.Append(text, position, text.Length - position);
                break;
            }

            result.Append(text, position, start - position);
            var end = text.IndexOf('}', start + 2);
            if (end < 0)
            {
                problems.Add(line, keyPath, "unterminated ${ (missing the closing })");
                return null;
            }

            var replacement = Resolve(text[(start + 2)..end], line, keyPath, problems);
            failed |= replacement is null;
            result.Append(replacement);
            position = end + 1;
        }

        return failed ? null : result.ToString();
    }

    private string? Resolve(string reference, int line, string keyPath, ConfigProblemList problems)
    {
        if (reference.StartsWith(FilePrefix, StringComparison.Ordinal))
        {
            return ReadSecretFile(reference[FilePrefix.Length..].Trim(), line, keyPath, problems);
        }

        if (!VariableName().IsMatch(reference))
        {
            problems.Add(line, keyPath, $"'${{{reference}}}' is not a valid reference; use ${{NAME}} or ${{file:/path}}");
            return null;
        }

        var value = _getEnvironmentVariable(reference);
        if (value is null)
        {
            problems.Add(line, keyPath, $"environment variable {reference} is not set");
        }

        return value;
    }

    private string? ReadSecretFile(string path, int line, string keyPath, ConfigProblemList problems)
    {
        if (path.Length == 0)
        {
            problems.Add(line, keyPath, "${file:} needs a path, e.g. ${file:/run/secrets/name}");
            return null;
        }

        var fullPath = ConfigPaths.Resolve(_baseDirectory, path);
        try
        {
            return File.ReadAllText(fullPath).Trim();
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            problems.Add(line, keyPath, $"secret file {fullPath} does not exist");
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException)
        {
            problems.Add(line, keyPath, $"secret file {fullPath} cannot be read: permission denied");
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or NotSupportedException)
        {
            // The exception text is not echoed: for some I/O errors it could quote file content.
            problems.Add(line, keyPath, $"secret file {fullPath} cannot be read");
        }

        return null;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
