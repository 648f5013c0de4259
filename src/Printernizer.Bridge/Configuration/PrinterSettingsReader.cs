namespace Printernizer.Bridge.Configuration;

/// <summary>
/// The <see cref="IPrinterSettingsReader"/> handed to a printer type's <c>BindSettings</c>: typed
/// access to one printer entry, recording every key read so that the rest can be reported as unknown.
/// </summary>
internal sealed class PrinterSettingsReader : IPrinterSettingsReader
{
    private readonly ConfigSection _entry;

    public PrinterSettingsReader(string printerId, ConfigSection entry)
    {
        PrinterId = printerId;
        _entry = entry;
    }

    public string PrinterId { get; }

    /// <summary>Every key asked for so far (the common printer keys included), present or not.</summary>
    public IReadOnlyCollection<string> KeysRead => _entry.AskedKeys;

    public string? String(string key, bool required = false) => _entry.String(key, required);

    public bool? Bool(string key) => _entry.Bool(key);

    public int? Int(string key, int min = int.MinValue, int max = int.MaxValue) => _entry.Int(key, min, max);

    public TimeSpan? Duration(string key, TimeSpan? min = null, TimeSpan? max = null) => _entry.Duration(key, min, max);

    public void Problem(string key, string message) => _entry.Problem(key, message);
}
