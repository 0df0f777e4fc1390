using System.Globalization;
using System.Text;
using Avatars.Data;

namespace Avatars.Engine.Reporting.Plots;

/// <summary>The <c>correlation</c> figure: side-by-side Pearson correlation heat maps of the original and the avatars.</summary>
public static class CorrelationPlot
{
    /// <summary>Builds the figure from the numeric columns (int, float, datetime as numbers) present in both tables.</summary>
    /// <param name="original">The original table (its name names the file).</param>
    /// <param name="avatars">The avatars (row order does not matter).</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    public static HtmlFigure Build(Table original, Table avatars, CancellationToken cancellationToken = default) =>
        Build(original, avatars, CorrelationPair.Compute(original, avatars, cancellationToken));

    /// <summary>Builds the figure from precomputed correlation matrices.</summary>
    internal static HtmlFigure Build(Table original, Table avatars, CorrelationPair pair)
    {
        var p = pair.Names.Count;
        var body = new StringBuilder();
        if (p < 2)
        {
            body.Append(HtmlPage.Note($"The table has {p} numeric column(s): at least 2 are needed for a correlation matrix."));
        }
        else
        {
            body.Append(HtmlPage.Note("Pearson correlation of each pair of numeric columns (dates as numbers; missing values replaced by the column mean). Hover over a cell for its value."));
            body.Append("<div class=\"panels\">");
            body.Append("<section class=\"panel\"><h2>Original</h2>")
                .Append(HeatMap.Render(pair.Names, pair.Original, ColorScale.Diverging, (r, c) => Tooltip(pair.Names, pair.Original, r, c), "Correlations of the original", legendTitle: null))
                .Append("</section>");
            body.Append("<section class=\"panel\"><h2>Avatars</h2>")
                .Append(HeatMap.Render(pair.Names, pair.Avatars, ColorScale.Diverging, (r, c) => Tooltip(pair.Names, pair.Avatars, r, c), "Correlations of the avatars", "Correlation"))
                .Append("</section>");
            body.Append("</div>");
        }

        var html = HtmlPage.Render(
            $"Correlations — {original.Name}",
            $"{p} numeric columns · {Markup.Count(original.RowCount)} original rows · {Markup.Count(avatars.RowCount)} avatars",
            body.ToString());
        return new HtmlFigure(PlotKind.Correlation.ToWireName(), FigureFileNames.For(original.Name, PlotKind.Correlation), html);
    }

    internal static string Tooltip(IReadOnlyList<string> names, double[] values, int r, int c)
    {
        var v = values[(r * names.Count) + c];
        return $"{names[r]} × {names[c]}: {(double.IsNaN(v) ? "undefined (constant or empty column)" : v.ToString("0.000", CultureInfo.InvariantCulture))}";
    }
}
