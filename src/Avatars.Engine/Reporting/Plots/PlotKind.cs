namespace Avatars.Engine.Reporting.Plots;

/// <summary>The kinds of figure produced after an avatarization (sdk.md §7.3). Wire names via <see cref="PlotKindNames"/>.</summary>
public enum PlotKind
{
    /// <summary><c>correlation</c>: Pearson correlation heat maps of the original and the avatars.</summary>
    Correlation,

    /// <summary><c>correlation_difference</c>: heat map of |corr(original) − corr(avatars)|.</summary>
    CorrelationDifference,

    /// <summary><c>contribution</c>: contributions of the variables to Dim 1 and Dim 2.</summary>
    Contribution,

    /// <summary><c>2d_projection</c>: originals and avatars on Dim 1–2 of the original's projection.</summary>
    Projection2D,

    /// <summary><c>3d_projection</c>: originals and avatars on Dim 1–3 of the original's projection.</summary>
    Projection3D,

    /// <summary><c>distribution</c>: one figure per column comparing the distributions.</summary>
    Distribution,

    /// <summary><c>aggregate_stats</c>: mean/std table of the first 10 numeric columns.</summary>
    AggregateStats,
}

/// <summary>Conversions between <see cref="PlotKind"/> and its wire names.</summary>
public static class PlotKindNames
{
    /// <summary>Every kind, in the order figures are produced.</summary>
    public static IReadOnlyList<PlotKind> All { get; } =
    [
        PlotKind.Projection2D, PlotKind.Projection3D, PlotKind.Contribution, PlotKind.Correlation,
        PlotKind.CorrelationDifference, PlotKind.Distribution, PlotKind.AggregateStats,
    ];

    /// <summary>The wire name, e.g. <c>2d_projection</c> for <see cref="PlotKind.Projection2D"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined kind.</exception>
    public static string ToWireName(this PlotKind kind) => kind switch
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

    /// <summary>Tries to parse a wire name (exact, case-sensitive as on the wire).</summary>
    public static bool TryParse(string? name, out PlotKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToWireName(), name, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Parses a wire name such as <c>3d_projection</c>.</summary>
    /// <exception cref="ArgumentException">Not a known wire name; the message lists them.</exception>
    public static PlotKind Parse(string name) => TryParse(name, out var kind)
        ? kind
        : throw new ArgumentException(
            $"Unknown plot kind '{name}'. Use one of: {string.Join(", ", All.Select(k => k.ToWireName()))}.", nameof(name));
}
