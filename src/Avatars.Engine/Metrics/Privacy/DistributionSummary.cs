namespace Avatars.Engine.Metrics.Privacy;

/// <summary>
/// Median and 5 % / 95 % quantiles of a per-row distance metric, as the Avatar paper reports DCR and NNDR
/// (<c>median [q0.05 – q0.95]</c>, linear interpolation = R type 7 = NumPy default; method.md §6.3).
/// </summary>
/// <param name="Median">The median.</param>
/// <param name="Q05">The 5 % quantile.</param>
/// <param name="Q95">The 95 % quantile.</param>
public sealed record DistributionSummary(double Median, double Q05, double Q95)
{
    /// <summary>Summarises values (NaN ignored; all NaN when there is none).</summary>
    /// <param name="values">The per-row values.</param>
    public static DistributionSummary Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = Statistics.SortedWithoutNaN(values);
        return new DistributionSummary(Statistics.Quantile(sorted, 0.5), Statistics.Quantile(sorted, 0.05), Statistics.Quantile(sorted, 0.95));
    }

    /// <summary>The paper's rendering: <c>median [q05 – q95]</c>, each rounded to 2 decimals (half to even, like R's <c>round</c>).</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Math.Round(Median, 2):0.00} [{Math.Round(Q05, 2):0.00}–{Math.Round(Q95, 2):0.00}]");
}
