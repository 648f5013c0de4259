using System.Text.Json;
using Microsoft.Extensions.Logging;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.State;

/// <summary>
/// Keeps each printer's <see cref="PrinterMemory"/> in <c>&lt;state_dir&gt;/printers/&lt;id&gt;.json</c>.
/// Written only when the memory changes (on transitions), atomically by rename.
/// </summary>
internal sealed class PrinterMemoryStore
{
    private readonly string _directory;
    private readonly ILogger<PrinterMemoryStore> _logger;

    public PrinterMemoryStore(string stateDirectory, ILogger<PrinterMemoryStore> logger)
    {
        _directory = Path.Combine(stateDirectory, "printers");
        _logger = logger;
    }

    public PrinterMemory Load(string printerId)
    {
        var path = PathFor(printerId);
        try
        {
            if (!File.Exists(path))
            {
                return PrinterMemory.Empty;
            }

            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            return new PrinterMemory(
                root.TryGetProperty("job_key", out var job) && job.ValueKind == JsonValueKind.String ? job.GetString() : null,
                root.TryGetProperty("status", out var status) && Enum.TryParse<PrinterStatus>(status.GetString(), out var s) ? s : PrinterStatus.Unknown,
                root.TryGetProperty("online", out var online) && online.ValueKind is JsonValueKind.True or JsonValueKind.False ? online.GetBoolean() : null,
                root.TryGetProperty("error_code", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() : null);
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Printer {PrinterId}: ignoring unreadable state file {Path}: {Reason}", printerId, path, ex.Message);
            return PrinterMemory.Empty;
        }
    }

    public void Save(string printerId, PrinterMemory memory)
    {
        var path = PathFor(printerId);
        try
        {
            Directory.CreateDirectory(_directory);
            var temp = path + ".tmp";
            using (var stream = File.Create(temp))
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteString("job_key", memory.JobKey);
                writer.WriteString("status", memory.Status.ToString());
                if (memory.Online is { } online)
                {
                    writer.WriteBoolean("online", online);
                }

                writer.WriteString("error_code", memory.ErrorCode);
                writer.WriteEndObject();
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Printer {PrinterId}: could not write state file {Path}: {Reason}", printerId, path, ex.Message);
        }
    }

    private string PathFor(string printerId) => Path.Combine(_directory, printerId + ".json");
}
