using Printernizer.Bridge.Configuration;

namespace Printernizer.Bridge.Printers.Prusa;

/// <summary><c>type: prusa</c>: PrusaLink on Buddy firmware or on a Raspberry Pi.</summary>
internal sealed class PrusaPrinterType : IPrinterType
{
    public string Name => "prusa";

    public int DefaultPort => 80;

    public IPrinterSettings BindSettings(IPrinterSettingsReader reader)
    {
        var username = reader.String("username") ?? PrusaSettings.DefaultUsername;
        var password = reader.String("password");
        var apiKey = reader.String("api_key");
        if ((password is null) == (apiKey is null))
        {
            reader.Problem("password", "exactly one of 'password' (Digest) or 'api_key' (X-Api-Key) is required");
        }

        var pollActive = reader.Duration("poll_active", TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(10))
            ?? PrusaSettings.DefaultPollActive;
        var pollIdle = reader.Duration("poll_idle", TimeSpan.FromSeconds(1), TimeSpan.FromHours(1))
            ?? PrusaSettings.DefaultPollIdle;
        var authRetry = reader.Duration("auth_retry", TimeSpan.FromSeconds(10), TimeSpan.FromHours(24))
            ?? PrusaSettings.DefaultAuthRetry;

        return new PrusaSettings(username, password, apiKey, pollActive, pollIdle, authRetry);
    }

    public IPrinterAdapter CreateAdapter(PrinterDefinition printer, PrinterAdapterContext context) =>
        new PrusaPrinterAdapter(printer, (PrusaSettings)printer.Settings, context);
}
