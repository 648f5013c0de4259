namespace Printernizer.Bridge.Observability;

/// <summary>The answer of <c>/healthz</c> or <c>/readyz</c>: pass or fail, with one line per check.</summary>
internal sealed record HealthReport(bool Healthy, IReadOnlyList<string> Checks)
{
    public string Text => $"{(Healthy ? "ok" : "fail")}\n{string.Concat(Checks.Select(c => c + "\n"))}";
}
