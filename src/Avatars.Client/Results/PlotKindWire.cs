namespace Avatars.Client;

/// <summary>Wire values of <see cref="PlotKind"/> (the <c>kind</c> of <c>figures_metadata.json</c>).</summary>
public static class PlotKindWire
{
    /// <summary>The wire value, e.g. <c>2d_projection</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The wire value.</returns>
    public static string ToWireValue(this PlotKind kind) => kind switch
    {
        PlotKind.Correlation => "correlation",
        PlotKind.CorrelationDifference => "correlation_difference",
        PlotKind.Contribution => "contribution",
        PlotKind.Projection2D => "2d_projection",
        PlotKind.Projection3D => "3d_projection",
        PlotKind.Distribution => "distribution",
        PlotKind.AggregateStats => "aggregate_stats",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown plot kind."),
    };

    /// <summary>Parses a wire value.</summary>
    /// <param name="value">The wire value.</param>
    /// <param name="kind">The kind when known.</param>
    /// <returns>True when <paramref name="value"/> is a known plot kind.</returns>
    public static bool TryParse(string? value, out PlotKind kind)
    {
        foreach (var candidate in Enum.GetValues<PlotKind>())
        {
            if (string.Equals(candidate.ToWireValue(), value, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
