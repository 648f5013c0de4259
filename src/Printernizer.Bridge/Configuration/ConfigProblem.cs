namespace Printernizer.Bridge.Configuration;

/// <summary>One problem found in the configuration, printed as one line.</summary>
/// <param name="File">The configuration file as the user named it.</param>
/// <param name="Line">1-based line, or 0 when the problem concerns the whole file (missing, unreadable).</param>
/// <param name="KeyPath">Like <c>printers[1].port</c>; empty when the problem has no key (syntax error, empty file).</param>
/// <param name="Message">Never contains the value of a secret key.</param>
internal sealed record ConfigProblem(string File, int Line, string KeyPath, string Message)
{
    /// <summary>Compiler style, e.g. <c>config.yaml:12: printers[1].port: expected an integer from 1 to 65535</c>.</summary>
    public override string ToString()
    {
        var location = Line > 0 ? $"{File}:{Line}" : File;
        return KeyPath.Length > 0 ? $"{location}: {KeyPath}: {Message}" : $"{location}: {Message}";
    }
}
