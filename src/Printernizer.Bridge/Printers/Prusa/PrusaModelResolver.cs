namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>
/// Neither server reports a model (facts §1, §7.12): the Pi names it in <c>original</c>,
/// Buddy only through its default hostname. A configured model always wins.
/// </summary>
internal static class PrusaModelResolver
{
    // Most specific first: "mk4s" must not be read as "mk4", "coreone" before anything shorter.
    private static readonly (string Token, string Model)[] HostnameTokens =
    [
        ("coreonel", "Core One L"),
        ("coreone", "Core One"),
        ("mk4s", "MK4S"),
        ("mk4", "MK4"),
        ("mk39", "MK3.9"),
        ("mk35", "MK3.5"),
        ("mk3s", "MK3S"),
        ("minip", "MINI+"),
        ("mini", "MINI"),
        ("xl", "XL"),
    ];

    public static string? Resolve(string? configured, PrusaServerVersion version, PrusaPrinterInfo? info)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (FromOriginal(version.Original) is { } fromOriginal)
        {
            return fromOriginal;
        }

        // The Pi's info.hostname is the Connect server, so only Buddy's may name the model.
        var hostname = version.Hostname ?? (version.Kind == PrusaServerKind.Buddy ? info?.Hostname : null);
        return FromHostname(hostname);
    }

    /// <summary><c>PrusaLink I3MK3S</c> → <c>MK3S</c>, <c>PrusaLink I3MK25S</c> → <c>MK2.5S</c>.</summary>
    public static string? FromOriginal(string? original)
    {
        if (original is null)
        {
            return null;
        }

        var code = original.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        if (code.StartsWith("I3", StringComparison.OrdinalIgnoreCase))
        {
            code = code[2..];
        }

        code = code.ToUpperInvariant().Replace("MK25", "MK2.5", StringComparison.Ordinal);
        return code.StartsWith("MK", StringComparison.Ordinal) ? code : null;
    }

    public static string? FromHostname(string? hostname)
    {
        if (string.IsNullOrWhiteSpace(hostname))
        {
            return null;
        }

        var compact = new string(hostname.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
        return HostnameTokens.FirstOrDefault(t => compact.Contains(t.Token, StringComparison.Ordinal)).Model;
    }
}
