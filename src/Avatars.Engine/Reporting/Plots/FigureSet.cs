using Avatars.Data;

namespace Avatars.Engine.Reporting.Plots;

/// <summary>Builds the figures of a table after an avatarization: every <see cref="PlotKind"/>, or one kind.</summary>
public static class FigureSet
{
    /// <summary>
    /// Builds every figure, in the order of <see cref="PlotKindNames.All"/> (distribution: one per column). The
    /// projection figures use <paramref name="projection"/> or, when null, <see cref="ReportProjection.Fit"/>.
    /// </summary>
    /// <param name="original">The original table (its name names the files).</param>
    /// <param name="avatars">The avatars (shuffled is fine).</param>
    /// <param name="projection">Precomputed projection (fitted on the original), or null to fit one.</param>
    /// <param name="options">Plot options.</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    public static IReadOnlyList<HtmlFigure> BuildAll(Table original, Table avatars, ReportProjection? projection = null, PlotOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(avatars);
        options ??= PlotOptions.Default;
        options.Validate();
        projection ??= ReportProjection.Fit(original, avatars, cancellationToken: cancellationToken);
        var figures = new List<HtmlFigure>();
        CorrelationPair? correlations = null;
        foreach (var kind in PlotKindNames.All)
        {
            if (kind is PlotKind.Correlation or PlotKind.CorrelationDifference)
            {
                correlations ??= CorrelationPair.Compute(original, avatars, cancellationToken);
                figures.Add(kind == PlotKind.Correlation
                    ? CorrelationPlot.Build(original, avatars, correlations)
                    : CorrelationDifferencePlot.Build(original, avatars, correlations));
                continue;
            }

            figures.AddRange(Build(kind, original, avatars, projection, options, cancellationToken));
        }

        return figures;
    }

    /// <summary>Builds the figures of one kind (several for <see cref="PlotKind.Distribution"/>).</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="original">The original table.</param>
    /// <param name="avatars">The avatars.</param>
    /// <param name="projection">For projection and contribution figures: a precomputed projection, or null to fit one.</param>
    /// <param name="options">Plot options.</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    public static IReadOnlyList<HtmlFigure> Build(PlotKind kind, Table original, Table avatars, ReportProjection? projection = null, PlotOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(avatars);
        options ??= PlotOptions.Default;
        ReportProjection Projection() => projection ??= ReportProjection.Fit(original, avatars, cancellationToken: cancellationToken);
        return kind switch
        {
            PlotKind.Correlation => [CorrelationPlot.Build(original, avatars, cancellationToken)],
            PlotKind.CorrelationDifference => [CorrelationDifferencePlot.Build(original, avatars, cancellationToken)],
            PlotKind.Contribution => [ContributionPlot.Build(original.Name, Projection().Model, options)],
            PlotKind.Projection2D => [Projection2DPlot.Build(original.Name, Projection(), options)],
            PlotKind.Projection3D => [Projection3DPlot.Build(original.Name, Projection(), options)],
            PlotKind.Distribution => DistributionPlot.Build(original, avatars, options, cancellationToken),
            PlotKind.AggregateStats => [AggregateStatsPlot.Build(original, avatars, options)],
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown plot kind."),
        };
    }
}
