namespace Avatars.Client;

/// <summary>The kinds of figures produced by the standard job (Python <c>PlotKind</c>; wire values in <see cref="PlotKindWire"/>).</summary>
public enum PlotKind
{
    /// <summary><c>correlation</c>.</summary>
    Correlation,

    /// <summary><c>correlation_difference</c>.</summary>
    CorrelationDifference,

    /// <summary><c>contribution</c>.</summary>
    Contribution,

    /// <summary><c>2d_projection</c>.</summary>
    Projection2D,

    /// <summary><c>3d_projection</c>.</summary>
    Projection3D,

    /// <summary><c>distribution</c> (one figure per column).</summary>
    Distribution,

    /// <summary><c>aggregate_stats</c> (mean/std table of the first 10 columns).</summary>
    AggregateStats,
}
