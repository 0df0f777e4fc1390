using System.Globalization;
using System.Text;
using Avatars.Data;

namespace Avatars.Engine.Reporting.Plots;

/// <summary>
/// The <c>aggregate_stats</c> figure: an HTML table of the mean and standard deviation (n − 1, missing values
/// ignored) of the first <see cref="PlotOptions.AggregateColumns"/> numeric columns, original vs avatars.
/// </summary>
public static class AggregateStatsPlot
{
    /// <summary>Builds the figure.</summary>
    /// <param name="original">The original table (its name names the file).</param>
    /// <param name="avatars">The avatars.</param>
    /// <param name="options">Plot options (number of columns).</param>
    public static HtmlFigure Build(Table original, Table avatars, PlotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(avatars);
        options ??= PlotOptions.Default;
        options.Validate();
        var numeric = original.Columns.Where(NumericValues.IsNumeric).ToArray();
        var columns = numeric.Take(options.AggregateColumns).ToArray();
        var body = new StringBuilder();
        body.Append(HtmlPage.Note(numeric.Length > columns.Length
            ? $"Mean and standard deviation of the first {columns.Length} of the {numeric.Length} numeric columns (missing values ignored; dates as date and days)."
            : "Mean and standard deviation of the numeric columns (missing values ignored; dates as date and days)."));
        if (columns.Length == 0)
        {
            body.Append(HtmlPage.Note("The table has no numeric column."));
        }
        else
        {
            body.Append("<table class=\"stats\"><thead><tr><th>Variable</th><th>Mean (original)</th><th>Mean (avatars)</th><th>Std (original)</th><th>Std (avatars)</th><th>Mean shift (in std)</th></tr></thead><tbody>");
            foreach (var column in columns)
            {
                var (om, os, _) = NumericValues.MeanStd(column);
                var (am, @as, _) = avatars.TryGetColumn(column.Name, out var a) && NumericValues.IsNumeric(a)
                    ? NumericValues.MeanStd(a)
                    : (double.NaN, double.NaN, 0L);
                var dates = column is DateTimeColumn;
                var shift = os > 0 ? (am - om) / os : double.NaN;
                body.Append("<tr><td>").Append(Markup.Escape(column.Name)).Append("</td>")
                    .Append("<td>").Append(Markup.Escape(Mean(om, dates))).Append("</td>")
                    .Append("<td>").Append(Markup.Escape(Mean(am, dates))).Append("</td>")
                    .Append("<td>").Append(Markup.Escape(Std(os, dates))).Append("</td>")
                    .Append("<td>").Append(Markup.Escape(Std(@as, dates))).Append("</td>")
                    .Append("<td>").Append(Markup.Escape(double.IsNaN(shift) ? "n/a" : shift.ToString("+0.000;−0.000;0.000", CultureInfo.InvariantCulture))).Append("</td></tr>");
            }

            body.Append("</tbody></table>");
        }

        var html = HtmlPage.Render(
            $"Aggregate statistics — {original.Name}",
            $"{Markup.Count(original.RowCount)} original rows · {Markup.Count(avatars.RowCount)} avatars",
            body.ToString());
        return new HtmlFigure(PlotKind.AggregateStats.ToWireName(), FigureFileNames.For(original.Name, PlotKind.AggregateStats), html);
    }

    private static string Mean(double value, bool dates) =>
        !dates || double.IsNaN(value)
            ? Markup.Number(value)
            : DateTime.UnixEpoch.AddSeconds(Math.Clamp(value, -62_135_596_800, 253_402_300_799)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Std(double value, bool dates) =>
        !dates || double.IsNaN(value) ? Markup.Number(value) : Markup.Number(value / 86_400) + " days";
}
