using System.Globalization;
using System.Text.RegularExpressions;
using Avatars.Engine.Reporting.Plots;
using Avatars.Engine.Reporting.Report;

namespace Avatars.Engine.Reporting.Evaluation;

/// <summary>Facts about the run that the report shows beside the metrics.</summary>
public sealed record ReportContext
{
    /// <summary>The report title.</summary>
    public string Title { get; init; } = "Avatarization report";

    /// <summary>When the report was generated (fixed for reproducible documents).</summary>
    public DateTimeOffset GeneratedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The avatarization parameters (k, ncp, seed…), in display order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>Versions, timings, machine.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RunMetadata { get; init; } = [];

    /// <summary>Warnings of the run.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>Turns an <see cref="AvatarEvaluation"/> into the neutral content the HTML and PDF report writers render.</summary>
public static partial class ReportContentBuilder
{
    private const int ScatterPointsPerSet = 2_000;
    private const int DistributionFiguresInReport = 6;

    /// <summary>Builds the report content.</summary>
    public static ReportContent Build(AvatarEvaluation evaluation, ReportContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        context ??= new ReportContext();
        var metrics = evaluation.Metrics();

        var runMetadata = context.RunMetadata
            .Concat(evaluation.Timings.Select(t => new KeyValuePair<string, string>($"Time: {t.Key}", $"{t.Value.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s")))
            .Append(new("Privacy metrics measured in", $"{evaluation.Privacy.Ncp} projected dimensions, {(evaluation.Privacy.Paired ? "paired" : "unpaired")} avatars"))
            .ToList();

        return new ReportContent
        {
            Title = context.Title,
            DatasetName = evaluation.Original.Name,
            GeneratedAt = context.GeneratedAt,
            RowCount = evaluation.Original.RowCount,
            ColumnCount = evaluation.Original.ColumnCount,
            Parameters = context.Parameters,
            Metrics = metrics,
            Figures = Figures(evaluation),
            Tables = Tables(evaluation),
            RunMetadata = runMetadata,
            Warnings = context.Warnings,
        };
    }

    private static List<ReportFigure> Figures(AvatarEvaluation evaluation)
    {
        var figures = new List<ReportFigure>();
        var worstVariables = evaluation.Signal.Hellinger.Variables.OrderByDescending(v => v.Distance).Take(DistributionFiguresInReport).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var figure in evaluation.Figures)
        {
            if (!PlotKindNames.TryParse(figure.Kind, out var kind))
            {
                continue;
            }

            var title = TitleOf(figure.Html) ?? figure.Kind;
            if (kind == PlotKind.Distribution && !worstVariables.Any(v => title.Contains(v, StringComparison.Ordinal)))
            {
                continue; // the report shows the distributions of the least well kept variables only
            }

            figures.Add(new ReportFigure
            {
                Title = title,
                Caption = Caption(kind),
                Svg = SvgOf(figure.Html),
                Chart = kind switch
                {
                    PlotKind.Projection2D when evaluation.Projection is { } projection => Scatter(projection),
                    PlotKind.Contribution when evaluation.Projection is { } projection => Contributions(projection),
                    _ => null,
                },
            });
        }

        var hellinger = evaluation.Signal.Hellinger.Variables;
        if (hellinger.Count > 0)
        {
            figures.Add(new ReportFigure
            {
                Title = "Hellinger distance per variable",
                Caption = "Distance between the original and the avatar distribution of each variable (0 identical, 1 disjoint); the line is the target 0.1.",
                Chart = new BarChart
                {
                    Labels = [.. hellinger.Select(v => v.Name)],
                    Series = [new BarSeries("Hellinger distance", [.. hellinger.Select(v => v.Distance)])],
                    Threshold = 0.1,
                    YAxisLabel = "Hellinger distance",
                },
            });
        }

        return figures;
    }

    private static ScatterChart Scatter(ReportProjection projection)
    {
        static ScatterSeries Series(string name, Projection.Coordinates coordinates)
        {
            var step = Math.Max(1, coordinates.Rows / ScatterPointsPerSet);
            var points = new List<ScatterPoint>();
            for (var i = 0; i < coordinates.Rows; i += step)
            {
                points.Add(new ScatterPoint(coordinates[i, 0], coordinates.Columns > 1 ? coordinates[i, 1] : 0));
            }

            return new ScatterSeries(name, points);
        }

        return new ScatterChart
        {
            Series = [Series("Original", projection.Original), Series("Avatars", projection.Avatars)],
            XAxisLabel = "Dim. 1",
            YAxisLabel = "Dim. 2",
        };
    }

    private static BarChart? Contributions(ReportProjection projection)
    {
        var contributions = projection.Model.Contributions(explode: false);
        var dimensions = Math.Min(2, contributions.ComponentCount);
        if (dimensions == 0 || contributions.RowNames.Count == 0)
        {
            return null;
        }

        return new BarChart
        {
            Labels = [.. contributions.RowNames],
            Series = [.. Enumerable.Range(0, dimensions).Select(k => new BarSeries($"Dim. {k + 1}", [.. Enumerable.Range(0, contributions.RowNames.Count).Select(r => Sanitize(contributions[r, k]))]))],
            Threshold = 5,
            ThresholdLabel = "5 %",
            YAxisLabel = "Contribution (%)",
        };
    }

    private static double Sanitize(double value) => double.IsFinite(value) ? value : 0;

    private static List<ReportTable> Tables(AvatarEvaluation evaluation)
    {
        var tables = new List<ReportTable>
        {
            new()
            {
                Title = "Signal per variable",
                Caption = "Hellinger distance between the original and avatar distributions, and missing-value rates. Target: below 0.1.",
                Headers = ["Variable", "Type", "Hellinger", "Missing (original)", "Missing (avatars)", "Status"],
                Rows = [.. evaluation.Signal.Hellinger.Variables.Select(v => (IReadOnlyList<string>)
                [
                    v.Name,
                    v.Type.ToString().ToLowerInvariant(),
                    Format(v.Distance, "0.0000"),
                    Format(100 * v.OriginalMissingRate, "0.0") + " %",
                    Format(100 * v.AvatarMissingRate, "0.0") + " %",
                    v.Distance < 0.1 ? "pass" : "above target",
                ])],
            },
        };

        var pairs = evaluation.Signal.CorrelationDifference.WorstPairs(10);
        if (pairs.Count > 0)
        {
            tables.Add(new ReportTable
            {
                Title = "Largest correlation changes",
                Caption = "Pearson correlations between numeric variables in the original and in the avatars, largest absolute differences first.",
                Headers = ["Variable A", "Variable B", "Original", "Avatars", "Difference"],
                Rows = [.. pairs.Select(p => (IReadOnlyList<string>)[p.First, p.Second, Format(p.Original, "0.000"), Format(p.Avatar, "0.000"), Format(p.AbsoluteDifference, "0.000")])],
            });
        }

        if (evaluation.Privacy.ColumnDirectMatch is { } columns)
        {
            tables.Add(new ReportTable
            {
                Title = "Column direct match protection per variable",
                Caption = "Share of avatars equal to their own individual on one column, what chance alone gives, and the resulting protection (project design).",
                Headers = ["Variable", "Match rate", "Chance", "Protection"],
                Rows = [.. columns.Columns.Select(c => (IReadOnlyList<string>)[c.Key, Format(100 * c.Value.MatchRate, "0.0") + " %", Format(100 * c.Value.ChanceRate, "0.0") + " %", Format(c.Value.Protection, "0.0") + " %"])],
            });
        }

        return tables;
    }

    private static string Caption(PlotKind kind) => kind switch
    {
        PlotKind.Correlation => "Pearson correlations between numeric variables, original (left) and avatars (right).",
        PlotKind.CorrelationDifference => "Absolute difference between the original and avatar correlations.",
        PlotKind.Contribution => "Contribution of each variable to the first two dimensions of the projection fitted on the original; above 5 % highlighted.",
        PlotKind.Projection2D => "Originals and avatars in the first two dimensions of the projection fitted on the original.",
        PlotKind.Projection3D => "Originals and avatars in the first three dimensions of the projection fitted on the original.",
        PlotKind.Distribution => "Distribution of the variable in the original and in the avatars.",
        PlotKind.AggregateStats => "Mean and standard deviation of numeric variables, original and avatars.",
        _ => string.Empty,
    };

    private static string Format(double value, string format) => double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);

    private static string? TitleOf(string html)
    {
        var match = TitleRegex().Match(html);
        return match.Success ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value).Trim() : null;
    }

    private static string? SvgOf(string html)
    {
        var match = SvgRegex().Match(html);
        return match.Success && HtmlReportWriter.IsSafeSvg(match.Value) ? match.Value : null;
    }

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex TitleRegex();

    [GeneratedRegex("<svg\\b.*?</svg>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex SvgRegex();
}
