using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Files;
using Printernizer.Bridge.Printers;

namespace Printernizer.Bridge.Hosting;

/// <summary>
/// <c>files list &lt;printer-id&gt; [path]</c> and <c>files get &lt;printer-id&gt; &lt;path&gt; [destination]</c>,
/// with the printers of the same config file. Exit codes: 0 done, 1 the printer operation failed, 2 usage or configuration.
/// </summary>
internal static class FilesCommand
{
    public const string Usage = """
        Usage: Printernizer.Bridge files list <printer-id> [path]               [--config PATH]
               Printernizer.Bridge files get <printer-id> <path> [destination] [--config PATH]
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var configPath = "config.yaml";
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--config" or "-c" && i + 1 < args.Count)
            {
                configPath = args[++i];
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        var valid = positional is ["list", _] or ["list", _, _] or ["get", _, _] or ["get", _, _, _];
        if (!valid)
        {
            await error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        var registry = PrinterTypeCatalog.CreateRegistry();
        var loaded = new BridgeConfigLoader().Load(configPath, Environment.GetEnvironmentVariable, registry);
        if (!loaded.Succeeded)
        {
            foreach (var problem in loaded.Problems)
            {
                await error.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
            }

            return 2;
        }

        var printer = loaded.Config.Printers.FirstOrDefault(p => p.Id == positional[1]);
        if (printer is null)
        {
            await error.WriteLineAsync($"error: no printer '{positional[1]}' in {configPath} (printers: {string.Join(", ", loaded.Config.Printers.Select(p => p.Id))})").ConfigureAwait(false);
            return 2;
        }

        Directory.CreateDirectory(loaded.Config.StateDir);
        var context = new PrinterAdapterContext(TimeProvider.System, NullLoggerFactory.Instance, loaded.Config.StateDir);
        var adapter = registry.Get(printer.Type).CreateAdapter(printer, context);
        await using (adapter.ConfigureAwait(false))
        {
            if (adapter is not IPrinterFileAccess files)
            {
                await error.WriteLineAsync($"error: printer '{printer.Id}' ({printer.Type}) has no file access").ConfigureAwait(false);
                return 2;
            }

            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
            };
            try
            {
                return positional[0] == "list"
                    ? await ListAsync(files, positional.Count > 2 ? positional[2] : "/", output, cancel.Token).ConfigureAwait(false)
                    : await GetAsync(files, positional[2], positional.Count > 3 ? positional[3] : null, output, error, cancel.Token).ConfigureAwait(false);
            }
            catch (PrinterFileException ex)
            {
                await error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
                return 1;
            }
            catch (OperationCanceledException)
            {
                await error.WriteLineAsync("error: cancelled").ConfigureAwait(false);
                return 1;
            }
        }
    }

    private static async Task<int> ListAsync(IPrinterFileAccess files, string path, TextWriter output, CancellationToken cancellationToken)
    {
        foreach (var entry in await files.ListFilesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            var size = entry.Size?.ToString(CultureInfo.InvariantCulture) ?? "-";
            var modified = entry.Modified?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";
            var display = entry.DisplayName != entry.Name ? $"  ({entry.DisplayName})" : string.Empty;
            await output.WriteLineAsync($"{entry.Type.ToWire(),-9} {size,12} {modified,16}  {entry.Path}{display}").ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task<int> GetAsync(IPrinterFileAccess files, string path, string? destination, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var name = path.TrimEnd('/').Split('/')[^1];
        var target = destination is null ? Path.Combine(Directory.GetCurrentDirectory(), name)
            : Directory.Exists(destination) ? Path.Combine(destination, name)
            : destination;
        var total = await SizeOfAsync(files, path, cancellationToken).ConfigureAwait(false);
        var bar = new ProgressBar(error, total);
        var result = await FileDownloader.DownloadAsync(files, path, Path.GetFullPath(target), bar, cancellationToken).ConfigureAwait(false);
        bar.Finish(result.Size);
        await output.WriteLineAsync($"{Path.GetFullPath(target)}  {result.Size} bytes  sha256 {result.Sha256}").ConfigureAwait(false);
        return 0;
    }

    /// <summary>
    /// The size for the bar: PrusaLink answers a file path with the file (Buddy listings carry no
    /// sizes), FTPS needs the parent folder's listing. Null when the printer does not say.
    /// </summary>
    private static async Task<long?> SizeOfAsync(IPrinterFileAccess files, string path, CancellationToken cancellationToken)
    {
        var wanted = "/" + path.Trim('/');
        try
        {
            var direct = await files.ListFilesAsync(wanted, cancellationToken).ConfigureAwait(false);
            if (direct is [{ Size: { } size } entry] && entry.Path == wanted)
            {
                return size;
            }
        }
        catch (PrinterFileException ex) when (ex.Code == "not_found")
        {
            // Not a folder: FTPS; ask the parent below.
        }

        var parent = wanted.LastIndexOf('/') is var slash and > 0 ? wanted[..slash] : "/";
        var entries = await files.ListFilesAsync(parent, cancellationToken).ConfigureAwait(false);
        return entries.FirstOrDefault(e => e.Path == wanted)?.Size;
    }
}
