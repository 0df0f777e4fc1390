namespace Avatars.Engine.Reporting.Plots;

/// <summary>"Nice" axis ticks (1, 2, 5 × 10^k steps).</summary>
internal static class Ticks
{
    /// <summary>About <paramref name="target"/> round values covering [min, max].</summary>
    public static double[] Nice(double min, double max, int target = 5)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            return [];
        }

        if (max <= min)
        {
            return [min];
        }

        var step = Step((max - min) / Math.Max(1, target));
        var first = Math.Ceiling((min / step) - 1e-9) * step;
        var ticks = new List<double>();
        for (var v = first; v <= max + (step * 1e-9) && ticks.Count < 50; v += step)
        {
            ticks.Add(Math.Abs(v) < step * 1e-9 ? 0 : v);
        }

        return ticks.ToArray();
    }

    /// <summary>An axis from 0 to a round value ≥ <paramref name="max"/>, and its ticks.</summary>
    public static (double AxisMax, double[] Ticks) ZeroBased(double max, int target = 5)
    {
        if (!double.IsFinite(max) || max <= 0)
        {
            return (1, [0, 1]);
        }

        var step = Step(max / target);
        var axisMax = Math.Ceiling((max / step) - 1e-9) * step;
        return (axisMax, Nice(0, axisMax, (int)Math.Round(axisMax / step)));
    }

    /// <summary>The nice step for a raw step.</summary>
    public static double Step(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var residual = raw / magnitude;
        return (residual > 5 ? 10 : residual > 2 ? 5 : residual > 1 ? 2 : 1) * magnitude;
    }
}
