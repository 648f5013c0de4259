namespace Printernizer.Bridge.Configuration;

/// <summary>
/// Typed access to one printer entry's keys for its printer type. Values already have
/// <c>${VAR}</c> replaced. A missing or invalid value is recorded as a problem with the
/// key path (<c>printers[1].access_code</c>) and line number, and the method returns null,
/// so that binding goes on and every problem is reported at once.
/// </summary>
internal interface IPrinterSettingsReader
{
    string PrinterId { get; }

    string? String(string key, bool required = false);

    bool? Bool(string key);

    int? Int(string key, int min = int.MinValue, int max = int.MaxValue);

    /// <summary>Accepts <c>90</c> (seconds), <c>500ms</c>, <c>60s</c>, <c>5m</c>, <c>1h</c>.</summary>
    TimeSpan? Duration(string key, TimeSpan? min = null, TimeSpan? max = null);

    /// <summary>Records a problem at the key's line, or at the printer entry's line when the key is absent.</summary>
    void Problem(string key, string message);
}
