using Printernizer.Bridge.Configuration;

namespace Printernizer.Bridge.UnitTests.Configuration;

/// <summary>What a <see cref="FakePrinterType"/> bound: each key's value (null when absent or invalid).</summary>
internal sealed record FakePrinterSettings(IReadOnlyDictionary<string, object?> Values) : IPrinterSettings
{
    public object? this[string key] => Values[key];
}
