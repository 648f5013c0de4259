namespace Printernizer.Bridge.Domain;

/// <summary>One Bambu Health Management System message.</summary>
/// <param name="Code">Formatted as <c>0300_0100_0001_0007</c>.</param>
/// <param name="Severity"><c>fatal</c>, <c>serious</c>, <c>common</c>, <c>info</c> or <c>unknown</c>.</param>
internal sealed record HmsEntry(string Code, string Severity, string? Text, string? Url);
