namespace Printernizer.Bridge.Configuration;

/// <summary>Decides which keys hold secrets whose values must never be echoed.</summary>
internal static class SecretKeyNames
{
    private static readonly string[] Markers = ["password", "access_code", "api_key", "token", "secret"];

    public static bool IsSecret(string key) =>
        Markers.Any(marker => key.Contains(marker, StringComparison.OrdinalIgnoreCase));
}
