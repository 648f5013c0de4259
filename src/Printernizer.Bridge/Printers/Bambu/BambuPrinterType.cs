using Printernizer.Bridge.Configuration;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary><c>type: bambu_lab</c>.</summary>
internal sealed class BambuPrinterType : IPrinterType
{
    private readonly BambuConnectGate _connectGate = new();

    public string Name => "bambu_lab";

    public int DefaultPort => 8883;

    /// <remarks><c>auth_retry</c> is advanced: how long to wait after the printer refused the access code.</remarks>
    public IPrinterSettings BindSettings(IPrinterSettingsReader reader)
    {
        var serial = reader.String("serial", required: true);
        var accessCode = reader.String("access_code", required: true);
        var caFile = reader.String("ca_file");
        var insecure = reader.Bool("tls_insecure") ?? false;
        var watchdog = reader.Duration("watchdog", TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)) ?? BambuSettings.DefaultWatchdog;
        var authRetry = reader.Duration("auth_retry", TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)) ?? BambuSettings.DefaultAuthRetry;
        var ftpsPort = reader.Int("ftps_port", 1, 65535) ?? BambuSettings.DefaultFtpsPort;

        if (caFile is not null && !File.Exists(caFile))
        {
            reader.Problem("ca_file", $"file '{caFile}' does not exist");
        }

        if (caFile is not null && insecure)
        {
            reader.Problem("tls_insecure", "tls_insecure: true and ca_file exclude each other");
        }

        return new BambuSettings(serial ?? string.Empty, accessCode ?? string.Empty, caFile, insecure, watchdog, authRetry) { FtpsPort = ftpsPort };
    }

    public IPrinterAdapter CreateAdapter(PrinterDefinition printer, PrinterAdapterContext context) =>
        new BambuPrinterAdapter(printer, (BambuSettings)printer.Settings, context, _connectGate);
}
