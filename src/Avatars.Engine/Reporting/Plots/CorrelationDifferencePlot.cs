using System.Globalization;
using System.Text;
using Avatars.Data;

namespace Avatars.Engine.Reporting.Plots;

/// <summary>The <c>correlation_difference</c> figure: heat map of |corr(original) − corr(avatars)| (method.md §7.2).</summary>
public static class CorrelationDifferencePlot
{
    /// <summary>Builds the figure from the numeric columns present in both tables.</summary>
    /// <param name="original">The original table (its name names the file).</param>
    /// <param name="avatars">The avatars (row order does not matter).</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    public static HtmlFigure Build(Table original, Table avatars, CancellationToken cancellationToken = default) =>
        Build(original, avatars, CorrelationPair.Compute(original, avatars, cancellationToken));

    /// <summary>Builds the figure from precomputed correlation matrices.</summary>
    internal static HtmlFigure Build(Table original, Table avatars, CorrelationPair pair)
    {
        var p = pair.Names.Count;
        var difference = new double[p * p];
        double sum = 0, max = double.NaN;
        var count = 0;
        var (maxRow, maxColumn) = (-1, -1);
        for (var r = 0; r < p; r++)
        {
            for (var c = 0; c < p; c++)
            {
                var d = Math.Abs(pair.Original[(r * p) + c] - pair.Avatars[(r * p) + c]);
                difference[(r * p) + c] = d;
                if (c > r && !double.IsNaN(d))
                {
                    sum += d;
                    count++;
                    if (double.IsNaN(max) || d > max)
                    {
                        (max, maxRow, maxColumn) = (d, r, c);
                    }
                }
            }
        }

        var body = new StringBuilder();
        if (p < 2)
        {
            body.Append(HtmlPage.Note($"The table has {p} numeric column(s): at least 2 are needed for a correlation matrix."));
        }
        else
        {
            body.Append(HtmlPage.Note("Absolute difference between the Pearson correlations of the original and of the avatars, for each pair of numeric columns. White: preserved; dark red: changed. Hover over a cell for the values."));
            if (count > 0)
            {
                body.Append(HtmlPage.Note(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Mean |Δ| over the {count} pairs: {sum / count:0.000}; largest: {max:0.000} ({pair.Names[maxRow]} × {pair.Names[maxColumn]}).")));
            }

            body.Append(HeatMap.Render(
                pair.Names,
                difference,
                ColorScale.Sequential,
                (r, c) => string.Create(
                    CultureInfo.InvariantCulture,
                    $"{pair.Names[r]} × {pair.Names[c]}: |Δ| = {Format(difference[(r * p) + c])} (original {Format(pair.Original[(r * p) + c])}, avatars {Format(pair.Avatars[(r * p) + c])})"),
                "Absolute correlation differences",
                "|Δ correlation|"));
        }

        var html = HtmlPage.Render(
            $"Correlation differences — {original.Name}",
            $"{p} numeric columns · {Markup.Count(original.RowCount)} original rows · {Markup.Count(avatars.RowCount)} avatars",
            body.ToString());
        return new HtmlFigure(PlotKind.CorrelationDifference.ToWireName(), FigureFileNames.For(original.Name, PlotKind.CorrelationDifference), html);
    }

    private static string Format(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
