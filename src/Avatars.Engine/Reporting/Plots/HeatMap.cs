namespace Avatars.Engine.Reporting.Plots;

/// <summary>An SVG heat map of a square matrix with labelled rows/columns, hover tooltips and a colour legend.</summary>
internal static class HeatMap
{
    private const int MaxLabelChars = 22;

    /// <summary>Renders the matrix.</summary>
    /// <param name="names">Variable names (user data: escaped, shortened, full name in tooltips).</param>
    /// <param name="values">p × p values, row-major.</param>
    /// <param name="scale">The colour scale.</param>
    /// <param name="tooltip">Tooltip text of cell (row, column).</param>
    /// <param name="label">Accessible label of the chart.</param>
    /// <param name="legendTitle">Title of the colour legend, or null for no legend.</param>
    public static string Render(IReadOnlyList<string> names, double[] values, ColorScale scale, Func<int, int, string> tooltip, string label, string? legendTitle)
    {
        var p = names.Count;
        var cell = Math.Clamp(440.0 / Math.Max(1, p), 12, 36);
        var font = Math.Clamp(cell * 0.75, 9, 12);
        var longest = names.Count == 0 ? 4 : names.Max(n => Math.Min(n.Length, MaxLabelChars));
        var labelSpace = (longest * font * 0.58) + 10;
        var grid = cell * p;
        var left = labelSpace;
        var top = 8.0;
        var vertical = cell < 18;
        var bottom = (labelSpace * (vertical ? 1 : 0.72)) + 14;
        var legendWidth = legendTitle is null ? 0 : 80;
        var svg = new SvgBuilder(left + grid + legendWidth + 10, top + grid + bottom, label);
        svg.Group(("font-size", Markup.Coord(font)));
        for (var r = 0; r < p; r++)
        {
            var y = top + (r * cell);
            svg.Text(left - 5, y + (cell / 2), Short(names[r]), "end", tooltip: names[r], dominantBaseline: "central");
            for (var c = 0; c < p; c++)
            {
                var v = values[(r * p) + c];
                svg.Rect(left + (c * cell), y, cell, cell, scale.ColorOf(v), tooltip(r, c), "cell");
                if (cell >= 28 && double.IsFinite(v))
                {
                    var dark = Math.Abs(v) > 0.6 || (scale.Min >= 0 && v > 0.35);
                    svg.Text(left + (c * cell) + (cell / 2), y + (cell / 2), v.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), "middle", dark ? "small cell-value cell-light" : "small cell-value", dominantBaseline: "central");
                }
            }
        }

        for (var c = 0; c < p; c++)
        {
            var x = left + (c * cell) + (cell / 2);
            var y = top + grid + 6;
            svg.Text(x, y, Short(names[c]), "end", rotate: vertical ? -90 : -45, tooltip: names[c], dominantBaseline: "central");
        }

        svg.End();
        if (legendTitle is not null)
        {
            Legend(svg, scale, left + grid + 18, top, Math.Max(120, Math.Min(grid, 260)), legendTitle);
        }

        return svg.ToString();
    }

    private static string Short(string name) => name.Length <= MaxLabelChars ? name : string.Concat(name.AsSpan(0, MaxLabelChars - 1), "…");

    private static void Legend(SvgBuilder svg, ColorScale scale, double x, double y, double height, string title)
    {
        const int Steps = 48;
        svg.Text(x, y + 4, title, cssClass: "small", dominantBaseline: "hanging");
        var barTop = y + 20;
        var barHeight = height - 20;
        for (var i = 0; i < Steps; i++)
        {
            var position = 1 - ((i + 0.5) / Steps);
            svg.Rect(x, barTop + (i * barHeight / Steps), 12, (barHeight / Steps) + 0.5, scale.ColorOf(scale.ValueAt(position)));
        }

        foreach (var stop in scale.StopValues)
        {
            var ty = barTop + ((1 - scale.LegendPosition(stop)) * barHeight);
            svg.Line(x + 12, ty, x + 16, ty, "axis");
            svg.Text(x + 19, ty, stop.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), cssClass: "small", dominantBaseline: "central");
        }
    }
}
