using Avatars.Engine.Metrics.Privacy;
using Avatars.Engine.Metrics.Signal;
using Avatars.Engine.Reporting.Plots;

namespace Avatars.Engine.Reporting.Evaluation;

/// <summary>Settings of an evaluation of avatars against their original table.</summary>
public sealed record EvaluationOptions
{
    /// <summary>True when row i of the avatars is the avatar of original row i (enables the paired privacy metrics).</summary>
    public bool Paired { get; init; }

    /// <summary>Privacy metric settings (ncp, known variables, target…).</summary>
    public PrivacyMetricsOptions Privacy { get; init; } = new();

    /// <summary>Signal metric settings.</summary>
    public SignalMetricsOptions Signal { get; init; } = new();

    /// <summary>Whether to build the figures (needed by the report).</summary>
    public bool Figures { get; init; } = true;

    /// <summary>Figure settings.</summary>
    public PlotOptions Plots { get; init; } = PlotOptions.Default;
}
