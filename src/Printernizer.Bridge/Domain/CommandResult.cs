namespace Printernizer.Bridge.Domain;

/// <summary>What a printer made of a command; <see cref="Error"/> is a text a person can act on.</summary>
internal sealed record CommandResult(bool Ok, string? Error)
{
    public static CommandResult Success { get; } = new(true, null);

    public static CommandResult Failure(string error) => new(false, error);
}
