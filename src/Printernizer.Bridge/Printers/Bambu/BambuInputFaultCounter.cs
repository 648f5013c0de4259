using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>Counts bad input per kind and logs only the first of each kind, so a broken printer cannot flood the log.</summary>
internal sealed class BambuInputFaultCounter
{
    private readonly ConcurrentDictionary<BambuInputFault, long> _counts = new();
    private readonly ILogger _logger;
    private readonly string _printerId;

    public BambuInputFaultCounter(ILogger logger, string printerId)
    {
        _logger = logger;
        _printerId = printerId;
    }

    public long Count(BambuInputFault fault) => _counts.GetValueOrDefault(fault);

    public long Total => _counts.Values.Sum();

    public void Record(BambuInputFault fault, string detail)
    {
        var count = _counts.AddOrUpdate(fault, 1, (_, c) => c + 1);
        if (count == 1)
        {
            _logger.LogWarning(
                "Printer {PrinterId} sent bad input ({Fault}): {Detail}; further input of this kind is counted, not logged",
                _printerId, fault, detail);
        }
    }
}
