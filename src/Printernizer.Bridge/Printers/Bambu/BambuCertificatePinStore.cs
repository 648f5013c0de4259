namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>Trust-on-first-use pins: <c>&lt;state_dir&gt;/bambu/&lt;printer-id&gt;.pin</c> holds the SHA-256 fingerprint.</summary>
internal sealed class BambuCertificatePinStore
{
    private readonly string _directory;

    public BambuCertificatePinStore(string stateDirectory)
    {
        _directory = Path.Combine(stateDirectory, "bambu");
    }

    public string PathFor(string printerId) => Path.Combine(_directory, printerId + ".pin");

    public string? Read(string printerId)
    {
        var path = PathFor(printerId);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }

    public void Write(string printerId, string fingerprint)
    {
        Directory.CreateDirectory(_directory);
        var path = PathFor(printerId);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, fingerprint + "\n");
        File.Move(temporary, path, overwrite: true);
    }
}
