namespace Avatars.Server.Jobs.Runners;

/// <summary>
/// Maps the progress of successive stages onto one monotonic 0–1 scale: stage i covers [start, end) and never
/// reports less than what was already reported (stages restart at 0; the job's progress must not go back).
/// </summary>
internal sealed class JobProgress(IProgress<double> target)
{
    private readonly Lock gate = new();
    private double reported;

    /// <summary>A reporter for a stage covering [<paramref name="start"/>, <paramref name="end"/>] of the job.</summary>
    public IProgress<double> Stage(double start, double end) => new StageProgress(this, start, end);

    /// <summary>Reports an absolute position (ignored when below what was reported).</summary>
    public void Report(double value)
    {
        var clamped = Math.Clamp(value, 0, 1);
        lock (gate)
        {
            if (double.IsNaN(clamped) || clamped <= reported)
            {
                return;
            }

            reported = clamped;
        }

        target.Report(clamped);
    }

    private sealed class StageProgress(JobProgress owner, double start, double end) : IProgress<double>
    {
        public void Report(double value) => owner.Report(start + ((end - start) * Math.Clamp(value, 0, 1)));
    }
}
