using System.Globalization;
using System.Text;
using Avatars.Data;
using Avatars.Engine.Projection;

namespace Avatars.Engine.Reporting.Plots;

/// <summary>
/// The <c>contribution</c> figure: horizontal bar charts of the contributions (%) of the variables to Dim 1 and
/// Dim 2 of the original's projection (method.md §3.9), sorted, with the variables above the threshold (5 %)
/// highlighted.
/// </summary>
public static class ContributionPlot
{
    /// <summary>Builds the figure from a projection fitted on the original.</summary>
    /// <param name="tableName">The table name (names the file).</param>
    /// <param name="model">The projection fitted on the original (categorical dummies are summed per variable).</param>
    /// <param name="options">Plot options (threshold).</param>
    public static HtmlFigure Build(string tableName, ProjectionModel model, PlotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        ArgumentNullException.ThrowIfNull(model);
        options ??= PlotOptions.Default;
        options.Validate();
        var contributions = model.Contributions(explode: false);
        var dims = Math.Min(2, contributions.ComponentCount);
        var threshold = options.ContributionThreshold;
        var body = new StringBuilder();
        body.Append(HtmlPage.Note(string.Create(
            CultureInfo.InvariantCulture,
            $"Share (%) of each variable in the construction of the first dimensions of the {model.Kind.ToString().ToUpperInvariant()} fitted on the original. Variables above {threshold:0.##} % are highlighted; the dashed line marks {threshold:0.##} %.")));
        body.Append("<div class=\"panels\">");
        for (var d = 0; d < dims; d++)
        {
            var ratio = d < model.ExplainedVarianceRatio.Count ? model.ExplainedVarianceRatio[d] : double.NaN;
            body.Append("<section class=\"panel\"><h2>")
                .Append(Markup.Escape($"Dim {d + 1} ({Markup.Percent(ratio)} of the inertia)"))
                .Append("</h2>")
                .Append(Bars(contributions, d, threshold))
                .Append("</section>");
        }

        body.Append("</div>");
        var html = HtmlPage.Render(
            $"Variable contributions — {tableName}",
            $"{contributions.RowNames.Count} variables · {Markup.Count(model.RowCount)} original rows",
            body.ToString());
        return new HtmlFigure(PlotKind.Contribution.ToWireName(), FigureFileNames.For(tableName, PlotKind.Contribution), html);
    }

    private static string Bars(ComponentTable contributions, int dim, double threshold)
    {
        var order = Enumerable.Range(0, contributions.RowNames.Count)
            .OrderByDescending(i => double.IsNaN(contributions[i, dim]) ? -1 : contributions[i, dim])
            .ThenBy(i => i)
            .ToArray();
        const double Bar = 18, Gap = 5, Left = 170, PlotWidth = 340, Top = 8;
        var maxValue = Math.Max(threshold, order.Length == 0 ? 0 : order.Max(i => double.IsNaN(contributions[i, dim]) ? 0 : contributions[i, dim]));
        var (axisMax, ticks) = Ticks.ZeroBased(maxValue, 4);

        var height = Top + (order.Length * (Bar + Gap)) + 40;
        var svg = new SvgBuilder(Left + PlotWidth + 60, height, $"Contributions to Dim {dim + 1}");
        double X(double v) => Left + (v / axisMax * PlotWidth);
        var plotBottom = Top + (order.Length * (Bar + Gap));
        foreach (var t in ticks)
        {
            svg.Line(X(t), Top, X(t), plotBottom, "grid");
            svg.Text(X(t), plotBottom + 14, t.ToString("0.##", CultureInfo.InvariantCulture), "middle", "small");
        }

        for (var k = 0; k < order.Length; k++)
        {
            var i = order[k];
            var value = contributions[i, dim];
            var y = Top + (k * (Bar + Gap));
            var name = contributions.RowNames[i];
            var above = value > threshold;
            svg.Text(Left - 6, y + (Bar / 2), Short(name), "end", above ? "label-strong" : null, tooltip: name, dominantBaseline: "central");
            svg.Rect(Left, y, X(double.IsNaN(value) ? 0 : value) - Left, Bar, above ? HtmlPage.OriginalColor : "#B8C2CC",
                double.IsNaN(value) ? $"{name}: undefined for Dim {dim + 1}" : string.Create(CultureInfo.InvariantCulture, $"{name}: {value:0.00} % of Dim {dim + 1}"), "bar");
            svg.Text(X(double.IsNaN(value) ? 0 : value) + 4, y + (Bar / 2), double.IsNaN(value) ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} %"), cssClass: "small", dominantBaseline: "central");
        }

        svg.Line(X(threshold), Top - 4, X(threshold), plotBottom, "threshold");
        svg.Line(Left, Top, Left, plotBottom, "axis");
        svg.Text(Left + (PlotWidth / 2), plotBottom + 32, "Contribution (%)", "middle", "axis-title");
        return svg.ToString();
    }

    private static string Short(string name) => name.Length <= 26 ? name : string.Concat(name.AsSpan(0, 25), "…");
}
