using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Printers;

namespace Printernizer.Bridge.IntegrationTests.Infrastructure;

/// <summary>A printer type whose adapters the test drives by hand.</summary>
internal sealed class FakePrinterType : IPrinterType
{
    public const string TypeName = "fake";

    private readonly Dictionary<string, FakePrinterAdapter> _adapters = new(StringComparer.Ordinal);

    public string Name => TypeName;

    public int DefaultPort => 1;

    public FakePrinterAdapter this[string printerId]
    {
        get
        {
            lock (_adapters)
            {
                return _adapters[printerId];
            }
        }
    }

    public IPrinterSettings BindSettings(IPrinterSettingsReader reader) => new FakePrinterSettings();

    public IPrinterAdapter CreateAdapter(PrinterDefinition printer, PrinterAdapterContext context)
    {
        var adapter = new FakePrinterAdapter(printer.Id, context.Time);
        lock (_adapters)
        {
            _adapters[printer.Id] = adapter;
        }

        return adapter;
    }
}
