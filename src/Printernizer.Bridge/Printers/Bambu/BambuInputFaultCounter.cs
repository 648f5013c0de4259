using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>Counts bad input per kind and logs only the first of each kind, so a broken printer cannot flood the log.</summary>
internal sealed class BambuInputFaultCounter
{
    private readonly ConcurrentDictionary<BambuInputFault, long> _counts = new();
    private readonly ILogger _logger;
    private readonly string _printerId;
    private readonly IPrinterMetrics _metrics;

    public BambuInputFaultCounter(ILogger logger, string printerId, IPrinterMetrics? metrics = null)
    {
        _logger = logger;
        _printerId = printerId;
        _metrics = metrics ?? NullPrinterMetrics.Instance;
    }

    public long Count(BambuInputFault fault) => _counts.GetValueOrDefault(fault);

    public long Total => _counts.Values.Sum();

    public void Record(BambuInputFault fault, string detail)
    {
        var count = _counts.AddOrUpdate(fault, 1, (_, c) => c + 1);
        _metrics.InputRejected(KindOf(fault));
        if (count == 1)
        {
            _logger.LogWarning(
                "Printer {PrinterId} sent bad input ({Fault}): {Detail}; further input of this kind is counted, not logged",
                _printerId, fault, detail);
        }
    }

    /// <summary>The metric label: <c>invalid_json</c>, <c>non_utf8</c>, <c>too_large</c>, …</summary>
    internal static string KindOf(BambuInputFault fault) => fault switch
    {
        BambuInputFault.InvalidJson => "invalid_json",
        BambuInputFault.NonUtf8 => "non_utf8",
        BambuInputFault.WrongType => "wrong_type",
        BambuInputFault.TooLarge => "too_large",
        BambuInputFault.TooDeep => "too_deep",
        _ => "not_an_object",
    };
}
