using System.Globalization;
using System.Text;

namespace Avatars.Engine.Reporting.Report;

/// <summary>
/// Minimal SVG rendering of the <see cref="BarChart"/> / <see cref="ScatterChart"/> models, used by the HTML
/// report only when a figure has a chart model but no SVG from the plotting code. Labels are escaped.
/// </summary>
internal static class SvgChartFallback
{
    private const double W = 760, H = 340, Left = 60, Right = 12, Top = 34, BottomBase = 40;
    private static readonly string[] Palette = ["#1f77b4", "#e67e22", "#2ca02c", "#9467bd", "#8c564b"];

    internal static string Render(ReportChart chart) => chart switch
    {
        BarChart bar => Bar(bar),
        ScatterChart scatter => Scatter(scatter),
        _ => "",
    };

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string E(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    private static string Trunc(string s, int max) => s.Length <= max ? s : string.Concat(s.AsSpan(0, max - 1), "\u2026");

    private static StringBuilder Open(double height) => new StringBuilder()
        .Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(W)} {N(height)}\" width=\"{N(W)}\" height=\"{N(height)}\" font-family=\"Liberation Sans, Arial, sans-serif\" font-size=\"11\" role=\"img\">");

    private static void Legend(StringBuilder sb, IEnumerable<(string Name, string Color, bool Dashed)> items)
    {
        double x = Left;
        foreach (var (name, color, dashed) in items)
        {
            string label = E(Trunc(name, 40));
            sb.Append(dashed
                ? string.Create(CultureInfo.InvariantCulture, $"<line x1=\"{N(x)}\" y1=\"14\" x2=\"{N(x + 14)}\" y2=\"14\" stroke=\"{color}\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>")
                : string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{N(x + 2)}\" y=\"9\" width=\"10\" height=\"10\" fill=\"{color}\"/>"));
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + 18)}\" y=\"18\">{label}</text>");
            x += 30 + (Math.Min(name.Length, 40) * 6.2);
        }
    }

    private static void YAxis(StringBuilder sb, double lo, double hi, double step, double plotBottom, string title)
    {
        for (double v = lo; v <= hi + (step / 2); v += step)
        {
            double y = plotBottom - ((v - lo) / (hi - lo) * (plotBottom - Top));
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(Left)}\" y1=\"{N(y)}\" x2=\"{N(W - Right)}\" y2=\"{N(y)}\" stroke=\"#d5dbe1\" stroke-width=\"0.6\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Left - 5)}\" y=\"{N(y + 4)}\" text-anchor=\"end\" fill=\"#5b6773\">{Tick(v, step)}</text>");
        }

        if (!string.IsNullOrEmpty(title))
        {
            double cy = (Top + plotBottom) / 2;
            sb.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(14 {N(cy)}) rotate(-90)\" text-anchor=\"middle\" font-weight=\"bold\">{E(Trunc(title, 50))}</text>");
        }
    }

    private static string Tick(double v, double step)
    {
        int decimals = Math.Max(0, (int)-Math.Floor(Math.Log10(step) + 1e-9));
        return (Math.Abs(v) < step / 1e6 ? 0 : v).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static string Bar(BarChart chart)
    {
        int n = chart.Labels.Count;
        double plotW = W - Left - Right;
        double slot = n == 0 ? plotW : plotW / n;
        bool vertical = chart.Labels.Any(l => Math.Min(l.Length, 18) * 6.2 > slot - 4);
        double labelH = vertical ? (Math.Min(18, chart.Labels.Count == 0 ? 0 : chart.Labels.Max(l => l.Length)) * 6.2) + 10 : 18;
        double height = H + (vertical ? labelH - 18 : 0);
        double plotBottom = height - BottomBase - labelH + 18;
        var values = chart.Series.SelectMany(s => s.Values).Where(double.IsFinite).ToList();
        double max = values.Count == 0 ? 0 : Math.Max(0, values.Max()), min = values.Count == 0 ? 0 : Math.Min(0, values.Min());
        if (chart.Threshold is { } th && double.IsFinite(th))
        {
            max = Math.Max(max, th);
            min = Math.Min(min, th);
        }

        var (lo, hi, step) = PdfLayout.NiceRange(min * 1.08, max <= 0 && min >= 0 ? 1 : max * 1.08);
        double Y(double v) => plotBottom - ((Math.Clamp(v, lo, hi) - lo) / (hi - lo) * (plotBottom - Top));

        var sb = Open(height);
        var legend = chart.Series.Select((s, i) => (s.Name, Palette[i % Palette.Length], false)).ToList();
        if (chart.Threshold is not null)
        {
            legend.Add((chart.ThresholdLabel, "#b3261e", true));
        }

        Legend(sb, legend);
        YAxis(sb, lo, hi, step, plotBottom, chart.YAxisLabel);
        int ns = Math.Max(1, chart.Series.Count);
        double groupW = slot * 0.8, barW = groupW / ns;
        for (int i = 0; i < n; i++)
        {
            double gx = Left + (i * slot) + ((slot - groupW) / 2);
            for (int s = 0; s < chart.Series.Count; s++)
            {
                var vs = chart.Series[s].Values;
                if (i < vs.Count && double.IsFinite(vs[i]))
                {
                    double y0 = Y(0), y1 = Y(vs[i]);
                    sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(gx + (s * barW))}\" y=\"{N(Math.Min(y0, y1))}\" width=\"{N(Math.Max(0.5, barW - 0.6))}\" height=\"{N(Math.Abs(y1 - y0))}\" fill=\"{Palette[s % Palette.Length]}\"><title>{E(chart.Labels[i])}: {E(vs[i].ToString("0.####", CultureInfo.InvariantCulture))}</title></rect>");
                }
            }

            double cx = Left + (i * slot) + (slot / 2);
            string label = E(Trunc(chart.Labels[i], 18));
            sb.Append(vertical
                ? string.Create(CultureInfo.InvariantCulture, $"<text transform=\"translate({N(cx + 4)} {N(plotBottom + 6)}) rotate(-90)\" text-anchor=\"end\">{label}</text>")
                : string.Create(CultureInfo.InvariantCulture, $"<text x=\"{N(cx)}\" y=\"{N(plotBottom + 14)}\" text-anchor=\"middle\">{label}</text>"));
        }

        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(Left)}\" y1=\"{N(Y(0))}\" x2=\"{N(W - Right)}\" y2=\"{N(Y(0))}\" stroke=\"#1d2733\"/>");
        if (chart.Threshold is { } t && double.IsFinite(t))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(Left)}\" y1=\"{N(Y(t))}\" x2=\"{N(W - Right)}\" y2=\"{N(Y(t))}\" stroke=\"#b3261e\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>");
        }

        XTitle(sb, chart.XAxisLabel, height);
        return sb.Append("</svg>").ToString();
    }

    private static void XTitle(StringBuilder sb, string title, double height)
    {
        if (!string.IsNullOrEmpty(title))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Left + ((W - Left - Right) / 2))}\" y=\"{N(height - 6)}\" text-anchor=\"middle\" font-weight=\"bold\">{E(Trunc(title, 80))}</text>");
        }
    }

    private static string Scatter(ScatterChart chart)
    {
        double plotBottom = H - BottomBase;
        var pts = chart.Series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        var (xlo, xhi, xstep) = PdfLayout.NiceRange(pts.Count == 0 ? 0 : pts.Min(p => p.X), pts.Count == 0 ? 1 : pts.Max(p => p.X));
        var (ylo, yhi, ystep) = PdfLayout.NiceRange(pts.Count == 0 ? 0 : pts.Min(p => p.Y), pts.Count == 0 ? 1 : pts.Max(p => p.Y));
        double X(double v) => Left + ((v - xlo) / (xhi - xlo) * (W - Left - Right));
        double Y(double v) => plotBottom - ((v - ylo) / (yhi - ylo) * (plotBottom - Top));

        var sb = Open(H);
        Legend(sb, chart.Series.Select((s, i) => (s.Name, Palette[i % Palette.Length], false)));
        YAxis(sb, ylo, yhi, ystep, plotBottom, chart.YAxisLabel);
        for (double v = xlo; v <= xhi + (xstep / 2); v += xstep)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(X(v))}\" y1=\"{N(Top)}\" x2=\"{N(X(v))}\" y2=\"{N(plotBottom)}\" stroke=\"#d5dbe1\" stroke-width=\"0.6\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(X(v))}\" y=\"{N(plotBottom + 14)}\" text-anchor=\"middle\" fill=\"#5b6773\">{Tick(v, xstep)}</text>");
        }

        for (int s = 0; s < chart.Series.Count; s++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<g fill=\"{Palette[s % Palette.Length]}\" fill-opacity=\"0.6\">");
            foreach (var p in chart.Series[s].Points)
            {
                if (double.IsFinite(p.X) && double.IsFinite(p.Y))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(X(p.X))}\" cy=\"{N(Y(p.Y))}\" r=\"2\"/>");
                }
            }

            sb.Append("</g>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(Left)}\" y=\"{N(Top)}\" width=\"{N(W - Left - Right)}\" height=\"{N(plotBottom - Top)}\" fill=\"none\" stroke=\"#1d2733\"/>");
        XTitle(sb, chart.XAxisLabel, H);
        return sb.Append("</svg>").ToString();
    }
}
