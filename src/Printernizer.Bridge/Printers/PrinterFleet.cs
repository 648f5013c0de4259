using Printernizer.Bridge.Configuration;

namespace Printernizer.Bridge.Printers;

/// <summary>Every configured printer with its adapter, created from the registry of printer types.</summary>
internal sealed class PrinterFleet : IAsyncDisposable
{
    private readonly Dictionary<string, PrinterHandle> _printers;

    public PrinterFleet(BridgeConfig config, PrinterTypeRegistry registry, PrinterAdapterContext context)
    {
        _printers = config.Printers.ToDictionary(
            p => p.Id,
            p => new PrinterHandle(p, registry.Get(p.Type).CreateAdapter(p, context)),
            StringComparer.Ordinal);
    }

    internal PrinterFleet(IEnumerable<PrinterHandle> printers)
    {
        _printers = printers.ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<PrinterHandle> All => _printers.Values;

    public IReadOnlyCollection<string> Ids => _printers.Keys;

    public bool TryGet(string id, out PrinterHandle printer) => _printers.TryGetValue(id, out printer!);

    public async ValueTask DisposeAsync()
    {
        foreach (var printer in _printers.Values)
        {
            await printer.Adapter.DisposeAsync().ConfigureAwait(false);
            printer.Dispose();
        }
    }
}
