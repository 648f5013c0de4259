using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Hosting.AddOn;
using Printernizer.Bridge.Printers;

namespace Printernizer.Bridge.IntegrationTests.AddOn;

/// <summary>A temporary add-on <c>/data</c>: writes options.json and runs the add-on configuration against a Supervisor URL.</summary>
internal sealed class AddOnDataDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("printernizer-addon-").FullName;

    public string OptionsPath => System.IO.Path.Combine(Path, "options.json");

    public string StateDir => System.IO.Path.Combine(Path, "data");

    public async Task<ConfigLoadResult> LoadAsync(string supervisorUrl, string? token, string optionsJson)
    {
        await File.WriteAllTextAsync(OptionsPath, optionsJson);
        return await LoadAsync(new AddOnEnvironment(OptionsPath, supervisorUrl, token, StateDir));
    }

    public Task<ConfigLoadResult> LoadAsync(AddOnEnvironment environment) =>
        new AddOnConfigBuilder(environment, _ => null, PrinterTypeCatalog.CreateRegistry()).LoadAsync(CancellationToken.None);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
