namespace Avatars.Engine.Metrics.Signal;

/// <summary>Settings of a signal (utility) evaluation.</summary>
public sealed record SignalMetricsOptions
{
    /// <summary>Columns left out of both metrics (identifiers, free text). Each must exist in the original table or the avatars.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];

    /// <summary>Equal-width bins of a continuous variable for the Hellinger distance (default 20; at least 1).</summary>
    public int Bins { get; init; } = HellingerDistance.DefaultBins;

    /// <summary>How many of the worst correlation pairs the JSON <c>details</c> list (default 10).</summary>
    public int WorstPairCount { get; init; } = 10;
}
