namespace Avatars.Engine.Reporting.Plots;

/// <summary>Settings shared by the figure builders. The defaults follow the reference reports.</summary>
public sealed record PlotOptions
{
    /// <summary>The most points drawn per set (originals, avatars) in the projection scatters; larger sets are sampled uniformly.</summary>
    public int MaxPoints { get; init; } = 10_000;

    /// <summary>The seed of the point sampling: the same input and seed give the same page.</summary>
    public ulong Seed { get; init; }

    /// <summary>The number of histogram bins of continuous distributions (on the union range of both tables).</summary>
    public int HistogramBins { get; init; } = 20;

    /// <summary>The most categorical levels drawn individually; the rest are grouped as "other".</summary>
    public int MaxLevels { get; init; } = 20;

    /// <summary>The contribution (%) above which a variable is highlighted in the contribution plot.</summary>
    public double ContributionThreshold { get; init; } = 5.0;

    /// <summary>How many numeric columns the aggregate statistics table shows (the first ones).</summary>
    public int AggregateColumns { get; init; } = 10;

    /// <summary>The default options.</summary>
    public static PlotOptions Default { get; } = new();

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPoints, 1, nameof(MaxPoints));
        ArgumentOutOfRangeException.ThrowIfLessThan(HistogramBins, 1, nameof(HistogramBins));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLevels, 1, nameof(MaxLevels));
        ArgumentOutOfRangeException.ThrowIfLessThan(AggregateColumns, 1, nameof(AggregateColumns));
        if (!double.IsFinite(ContributionThreshold) || ContributionThreshold < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ContributionThreshold), ContributionThreshold, "The contribution threshold must be a finite percentage ≥ 0.");
        }
    }
}
