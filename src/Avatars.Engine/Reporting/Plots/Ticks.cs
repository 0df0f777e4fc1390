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

    /// <summary>
    /// Calendar ticks for timestamps (seconds since the Unix epoch) covering [min, max]: whole years, months
    /// or days, with their labels.
    /// </summary>
    public static (double Value, string Label)[] Dates(double min, double max, int target = 5)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || max <= min)
        {
            return [];
        }

        const double Day = 86_400;
        var lo = DateTime.UnixEpoch.AddSeconds(Math.Clamp(min, -62_135_596_800, 253_402_300_799));
        var hi = DateTime.UnixEpoch.AddSeconds(Math.Clamp(max, -62_135_596_800, 253_402_300_799));
        var spanDays = (max - min) / Day;
        var result = new List<(double, string)>();
        double Seconds(DateTime t) => (t - DateTime.UnixEpoch).TotalSeconds;
        if (spanDays > 3 * 365)
        {
            var step = (int)Math.Max(1, Step(spanDays / 365.25 / target));
            for (var year = ((lo.Year + step - 1) / step) * step; year <= hi.Year && year <= 9999; year += step)
            {
                var t = new DateTime(year, 1, 1);
                if (t >= lo && t <= hi)
                {
                    result.Add((Seconds(t), year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
            }
        }
        else if (spanDays > 60)
        {
            var months = spanDays / 30.44 / target;
            var step = months <= 1 ? 1 : months <= 2 ? 2 : months <= 3 ? 3 : months <= 6 ? 6 : 12;
            var t = new DateTime(lo.Year, lo.Month, 1).AddMonths(lo.Day == 1 && lo.TimeOfDay == TimeSpan.Zero ? 0 : 1);
            while ((t.Month - 1) % step != 0)
            {
                t = t.AddMonths(1);
            }

            for (; t <= hi; t = t.AddMonths(step))
            {
                result.Add((Seconds(t), t.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        else if (spanDays > 2)
        {
            var step = Math.Max(1, (int)Step(spanDays / target));
            for (var t = lo.Date.AddDays(lo.TimeOfDay == TimeSpan.Zero ? 0 : 1); t <= hi; t = t.AddDays(step))
            {
                result.Add((Seconds(t), t.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return result.ToArray();
    }

    /// <summary>The nice step for a raw step.</summary>
    public static double Step(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var residual = raw / magnitude;
        return (residual > 5 ? 10 : residual > 2 ? 5 : residual > 1 ? 2 : 1) * magnitude;
    }
}
