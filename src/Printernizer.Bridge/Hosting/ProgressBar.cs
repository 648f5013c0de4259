using System.Globalization;

namespace Printernizer.Bridge.Hosting;

/// <summary>A one-line download progress bar on standard error, redrawn at most once per whole percent.</summary>
internal sealed class ProgressBar(TextWriter writer, long? total) : IProgress<long>
{
    private const int Width = 30;
    private long _lastShown = -1;

    public void Report(long value)
    {
        var step = total is > 0 ? value * 100 / total.Value : value / (1024 * 1024);
        if (step == Interlocked.Exchange(ref _lastShown, step))
        {
            return;
        }

        writer.Write("\r" + Render(value));
    }

    public void Finish(long value) => writer.WriteLine("\r" + Render(value));

    private string Render(long value)
    {
        var megabytes = (value / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
        if (total is not > 0)
        {
            return $"{megabytes} MB";
        }

        var filled = (int)Math.Min(Width, value * Width / total.Value);
        var percent = Math.Min(100, value * 100 / total.Value);
        var all = (total.Value / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
        return $"[{new string('#', filled)}{new string(' ', Width - filled)}] {percent,3}% {megabytes}/{all} MB";
    }
}
