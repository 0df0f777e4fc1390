namespace Avatars.Engine.TimeSeries;

/// <summary>How the size of the common grid is chosen (<c>time_series_method</c>, method.md §5.3).</summary>
public enum AlignmentMethod
{
    /// <summary>The grid size is given explicitly (<c>time_series_nb_points</c>).</summary>
    Specified,

    /// <summary>The length of the longest series.</summary>
    Max,

    /// <summary>The length of the shortest series (at least 2).</summary>
    Min,

    /// <summary>The mean series length, rounded to the nearest integer (half away from zero, at least 2).</summary>
    Mean,
}
