using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Printers;

namespace Printernizer.Bridge.UnitTests.Configuration;

/// <summary>Stands in for the real Bambu/Prusa types, which are written elsewhere at the same time.</summary>
internal sealed class FakePrinterType : IPrinterType
{
    private readonly IReadOnlyList<FakeKey> _keys;
    private readonly Action<IPrinterSettingsReader, FakePrinterSettings>? _validate;

    public FakePrinterType(string name, int defaultPort, IReadOnlyList<FakeKey> keys, Action<IPrinterSettingsReader, FakePrinterSettings>? validate = null)
    {
        Name = name;
        DefaultPort = defaultPort;
        _keys = keys;
        _validate = validate;
    }

    public string Name { get; }

    public int DefaultPort { get; }

    public IPrinterSettings BindSettings(IPrinterSettingsReader reader)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var key in _keys)
        {
            values[key.Name] = key.Kind switch
            {
                FakeKeyKind.String => reader.String(key.Name, key.Required),
                FakeKeyKind.Bool => reader.Bool(key.Name),
                FakeKeyKind.Int => reader.Int(key.Name, key.Min, key.Max),
                FakeKeyKind.Duration => reader.Duration(key.Name, key.MinDuration),
                _ => throw new ArgumentOutOfRangeException(nameof(reader)),
            };
        }

        var settings = new FakePrinterSettings(values);
        _validate?.Invoke(reader, settings);
        return settings;
    }

    public IPrinterAdapter CreateAdapter(PrinterDefinition printer, PrinterAdapterContext context) =>
        throw new NotSupportedException("configuration tests never create adapters");
}
