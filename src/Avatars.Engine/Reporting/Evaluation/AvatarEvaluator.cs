using System.Diagnostics;
using Avatars.Data;
using Avatars.Engine.Metrics.Privacy;
using Avatars.Engine.Metrics.Signal;
using Avatars.Engine.Reporting.Plots;

namespace Avatars.Engine.Reporting.Evaluation;

/// <summary>Evaluates avatars against their original table: privacy metrics, signal metrics and figures.</summary>
public static class AvatarEvaluator
{
    /// <summary>Runs the evaluation.</summary>
    /// <param name="original">The original table.</param>
    /// <param name="avatars">The avatars: unshuffled when <see cref="EvaluationOptions.Paired"/> is set, in any order otherwise.</param>
    /// <param name="options">Settings.</param>
    /// <param name="progress">Receives the name of each part as it starts.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    public static AvatarEvaluation Evaluate(Table original, Table avatars, EvaluationOptions? options = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(avatars);
        options ??= new EvaluationOptions();
        var timings = new Dictionary<string, TimeSpan>();
        var clock = Stopwatch.StartNew();

        progress?.Report("privacy metrics");
        var privacy = PrivacyEvaluator.EvaluateAll(original, avatars, options.Paired, options.Privacy, cancellationToken);
        timings["privacy metrics"] = clock.Elapsed;

        clock.Restart();
        progress?.Report("signal metrics");
        var signal = SignalEvaluator.Evaluate(original, avatars, options.Signal with { IgnoredColumns = [.. options.Signal.IgnoredColumns, .. options.Privacy.IgnoredColumns] }, cancellationToken);
        timings["signal metrics"] = clock.Elapsed;

        IReadOnlyList<HtmlFigure> figures = [];
        ReportProjection? projection = null;
        if (options.Figures)
        {
            clock.Restart();
            progress?.Report("figures");
            var kept = original.Columns.Where(c => !options.Privacy.IgnoredColumns.Contains(c.Name, StringComparer.Ordinal)).Select(c => c.Name).ToArray();
            var originalKept = original.Select(kept);
            var avatarsKept = avatars.Select(kept).WithName(original.Name);
            projection = ReportProjection.Fit(originalKept, avatarsKept, cancellationToken: cancellationToken);
            figures = FigureSet.BuildAll(originalKept, avatarsKept, projection, options.Plots, cancellationToken);
            timings["figures"] = clock.Elapsed;
        }

        return new AvatarEvaluation(original, avatars, privacy, signal, figures, projection, timings);
    }
}
