using System.Globalization;
using Avatars.Client.Models;

namespace Avatars.Client;

/// <summary>
/// A console-friendly <see cref="IProgress{T}"/> for <see cref="JobProgress"/>: writes one line per job when its
/// status changes or its progress crosses a 10 % step, e.g. <c>standard job 1f0c…: running 40%</c>. Thread-safe.
/// </summary>
public sealed class ConsoleJobProgress : IProgress<JobProgress>
{
    private readonly TextWriter _writer;
    private readonly Dictionary<string, (JobStatus Status, int Step)> _last = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Creates a reporter.</summary>
    /// <param name="writer">The destination (default <see cref="Console.Out"/>).</param>
    public ConsoleJobProgress(TextWriter? writer = null) => _writer = writer ?? Console.Out;

    /// <inheritdoc />
    public void Report(JobProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var step = value.Progress is { } p ? (int)Math.Floor(Math.Clamp(p, 0, 1) * 10) : -1;
        lock (_lock)
        {
            if (_last.TryGetValue(value.JobName, out var last) && last.Status == value.Status && last.Step == step)
            {
                return;
            }

            _last[value.JobName] = (value.Status, step);
            var percent = step < 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" {step * 10}%");
            _writer.WriteLine($"{value.Kind.ToWireValue()} job {value.JobName}: {value.Status}{percent}");
        }
    }
}
