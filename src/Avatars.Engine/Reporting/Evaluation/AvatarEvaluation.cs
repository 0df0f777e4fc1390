using Avatars.Data;
using Avatars.Engine.Metrics.Privacy;
using Avatars.Engine.Metrics.Signal;
using Avatars.Engine.Reporting.Plots;
using Avatars.Engine.Reporting.Report;

namespace Avatars.Engine.Reporting.Evaluation;

/// <summary>Everything measured about a set of avatars: privacy and signal metrics and the figures.</summary>
/// <param name="Original">The original table.</param>
/// <param name="Avatars">The avatars that were evaluated.</param>
/// <param name="Privacy">The privacy metrics.</param>
/// <param name="Signal">The signal metrics.</param>
/// <param name="Figures">The figures (empty when not requested).</param>
/// <param name="Projection">The projection the figures were drawn in, when figures were built.</param>
/// <param name="Timings">Wall time of each part.</param>
public sealed record AvatarEvaluation(
    Table Original,
    Table Avatars,
    PrivacyMetricsReport Privacy,
    SignalMetrics Signal,
    IReadOnlyList<HtmlFigure> Figures,
    ReportProjection? Projection,
    IReadOnlyDictionary<string, TimeSpan> Timings)
{
    /// <summary>Every metric of <see cref="ReportMetricCatalog"/> with its value (null when not computed), in report order.</summary>
    public IReadOnlyList<ReportMetric> Metrics()
    {
        var privacy = Privacy.ToJsonObject();
        var signal = Signal.ToJsonObject();
        return ReportMetricCatalog.All
            .Select(m =>
            {
                var node = (m.Group == ReportMetricGroups.Privacy ? privacy : signal)[m.Key];
                return m.ToMetric(node is null ? null : node.GetValue<double>());
            })
            .ToList();
    }
}
