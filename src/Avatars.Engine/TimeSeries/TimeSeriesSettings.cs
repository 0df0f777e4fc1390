namespace Avatars.Engine.TimeSeries;

/// <summary>
/// The parameters of one time-series table (<c>time_series.&lt;table&gt;</c>: projection type and <c>nf</c>,
/// alignment method and <c>nb_points</c>). The defaults are project choices (the vendor's are not public); see
/// docs/time-series.md for the measurements behind them.
/// </summary>
public sealed record TimeSeriesSettings
{
    /// <summary>The default number of FPCA components per series variable.</summary>
    public const int DefaultNf = 10;

    /// <summary>FPCA (default) or flatten.</summary>
    public SeriesProjectionType ProjectionType { get; init; } = SeriesProjectionType.Fpca;

    /// <summary>Components per series variable for FPCA (default <see cref="DefaultNf"/>, capped at min(individuals, grid size)); ignored by flatten.</summary>
    public int Nf { get; init; } = DefaultNf;

    /// <summary>How the common grid size is chosen (default <see cref="AlignmentMethod.Max"/>: no series is down-sampled).</summary>
    public AlignmentMethod Method { get; init; } = AlignmentMethod.Max;

    /// <summary>The grid size for <see cref="AlignmentMethod.Specified"/> (at least 2); ignored by the other methods.</summary>
    public int? NbPoints { get; init; }
}
