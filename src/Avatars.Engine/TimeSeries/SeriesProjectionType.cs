namespace Avatars.Engine.TimeSeries;

/// <summary>How aligned curves become individual-level columns (<c>time_series_projection_type</c>, method.md §5.3).</summary>
public enum SeriesProjectionType
{
    /// <summary>Functional PCA: PCA of the discretised curves, <c>nf</c> scores per series variable (the default).</summary>
    Fpca,

    /// <summary>The grid values themselves are the columns (one per grid point and series variable; <c>nf</c> is ignored).</summary>
    Flatten,
}
