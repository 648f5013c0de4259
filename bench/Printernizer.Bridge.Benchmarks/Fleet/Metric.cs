namespace Printernizer.Bridge.Benchmarks.Fleet;

/// <summary>One measured number of a run, e.g. <c>latency_p99_ms</c>.</summary>
internal sealed record Metric(string Key, string Label, double Value, string Format = "0.0");

/// <summary>A target of issue 7 checked against the median of a metric.</summary>
internal sealed record Target(string Key, string Text, Func<double, bool> Met);
