namespace Printernizer.Bridge.Printers;

/// <summary>The printer types the bridge knows, by their configuration name.</summary>
internal sealed class PrinterTypeRegistry
{
    private readonly Dictionary<string, IPrinterType> _types;

    public PrinterTypeRegistry(IEnumerable<IPrinterType> types)
    {
        _types = types.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Names => _types.Keys;

    public bool TryGet(string name, out IPrinterType type) => _types.TryGetValue(name, out type!);

    public IPrinterType Get(string name) =>
        _types.TryGetValue(name, out var type) ? type : throw new KeyNotFoundException($"unknown printer type '{name}'");
}
