using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Avatars.Engine.Reporting.Report;

/// <summary>Flowing A4 layout on top of XGraphics: cursor, word wrap, pagination, tables, charts.</summary>
internal sealed class PdfLayout
{
    internal const double ChartHeight = 262;

    private const double MarginLeft = 56;
    private const double MarginRight = 56;
    private const double MarginTop = 70;
    private const double MarginBottom = 64;

    internal static readonly XColor Ink = XColor.FromArgb(29, 39, 51);
    internal static readonly XColor Muted = XColor.FromArgb(91, 103, 115);
    internal static readonly XColor Accent = XColor.FromArgb(31, 78, 121);
    internal static readonly XColor Pass = XColor.FromArgb(30, 123, 52);
    internal static readonly XColor Fail = XColor.FromArgb(179, 38, 30);
    internal static readonly XColor RuleColor = XColor.FromArgb(213, 219, 225);
    private static readonly XColor HeaderFill = XColor.FromArgb(238, 242, 246);
    private static readonly XColor StripeFill = XColor.FromArgb(248, 250, 251);

    private static readonly XColor[] Palette =
    [
        XColor.FromArgb(31, 119, 180),
        XColor.FromArgb(230, 126, 34),
        XColor.FromArgb(44, 160, 44),
        XColor.FromArgb(148, 103, 189),
        XColor.FromArgb(140, 86, 75),
    ];

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    internal static readonly XFont Title = F(24, true);
    internal static readonly XFont Subtitle = F(14, false);
    internal static readonly XFont H1 = F(16, true);
    internal static readonly XFont H2 = F(11.5, true);
    internal static readonly XFont Body = F(10, false);
    internal static readonly XFont BodyBold = F(10, true);
    internal static readonly XFont Small = F(8.5, false);
    internal static readonly XFont SmallBold = F(8.5, true);
    private static readonly XFont Cell = F(8.5, false);
    private static readonly XFont CellBold = F(8.5, true);

    private readonly PdfDocument _doc;
    private readonly ReportContent _content;
    private readonly List<string> _pageSections = [];
    private readonly List<bool> _titlePages = [];
    private PdfPage? _page;
    private XGraphics? _gfx;
    private double _y;
    private string _section = "";
    private readonly List<(string Title, int PageIndex)> _sections = [];
    private int _titleEndPage = -1;
    private double _titleEndY;

    internal PdfLayout(PdfDocument doc, ReportContent content)
    {
        _doc = doc;
        _content = content;
    }

    private static XFont F(double size, bool bold) =>
        new(ReportFontResolver.FamilyName, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);

    private XGraphics G => _gfx ?? throw new InvalidOperationException("No page.");

    private double PageWidth => _page!.Width.Point;

    private double PageHeight => _page!.Height.Point;

    private double ContentWidth => PageWidth - MarginLeft - MarginRight;

    private double Bottom => PageHeight - MarginBottom;

    /// <summary>Starts a new section on a new page, with an outline entry.</summary>
    internal void NewSection(string section, bool titlePage = false)
    {
        if (_page is not null && _titlePages[^1])
        {
            _titleEndPage = _doc.PageCount - 1;
            _titleEndY = _y;
        }

        _section = section;
        NewPage(titlePage);
        if (!titlePage)
        {
            _doc.Outlines.Add(section, _page!, true);
            _sections.Add((section, _doc.PageCount - 1));
        }
    }

    private void NewPage(bool titlePage = false)
    {
        _gfx?.Dispose();
        _page = _doc.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _gfx = XGraphics.FromPdfPage(_page);
        _pageSections.Add(_section);
        _titlePages.Add(titlePage);
        _y = MarginTop;
    }

    private void Ensure(double height)
    {
        if (_y + height > Bottom)
        {
            NewPage();
        }
    }

    /// <summary>Moves to a new page when less than <paramref name="height"/> remains.</summary>
    internal void KeepWithNext(double height) => Ensure(height);

    internal void Space(double h) => _y += h;

    internal void Heading(string text)
    {
        Ensure(60);
        foreach (string line in Wrap(text, H1, ContentWidth))
        {
            G.DrawString(line, H1, new XSolidBrush(Accent), MarginLeft, _y + H1.Size);
            _y += H1.Size * 1.3;
        }

        _y += 3;
        G.DrawLine(new XPen(Accent, 1.5), MarginLeft, _y, MarginLeft + ContentWidth, _y);
        _y += 14;
    }

    internal void SubHeading(string text)
    {
        Ensure(45);
        _y += 6;
        Paragraph(text, H2, Ink, spaceAfter: 4);
    }

    internal void MetricHeading(string name, string status, XColor color)
    {
        Ensure(40);
        _y += 4;
        double badgeW = G.MeasureString(status, SmallBold).Width + 14;
        var lines = Wrap(name, H2, ContentWidth - badgeW - 10);
        double y0 = _y;
        foreach (string line in lines)
        {
            G.DrawString(line, H2, new XSolidBrush(Ink), MarginLeft, _y + H2.Size);
            _y += H2.Size * 1.35;
        }

        Badge(status, color, MarginLeft + ContentWidth - badgeW, y0, badgeW);
        _y += 2;
    }

    private void Badge(string text, XColor color, double x, double y, double w)
    {
        const double h = 13;
        G.DrawRoundedRectangle(new XSolidBrush(color), x, y, w, h, 10, 10);
        double tw = G.MeasureString(text, SmallBold).Width;
        G.DrawString(text, SmallBold, XBrushes.White, x + ((w - tw) / 2), y + 9.6);
    }

    internal void Rule(XColor color, double width)
    {
        _y += 2;
        G.DrawLine(new XPen(color, width), MarginLeft, _y, MarginLeft + ContentWidth, _y);
        _y += 4;
    }

    internal void Paragraph(string text, XFont font, XColor color, double spaceAfter = 7, double indent = 0)
    {
        var brush = new XSolidBrush(color);
        double lh = font.Size * 1.38;
        foreach (string line in Wrap(text, font, ContentWidth - indent))
        {
            Ensure(lh);
            G.DrawString(line, font, brush, MarginLeft + indent, _y + font.Size);
            _y += lh;
        }

        _y += spaceAfter;
    }

    internal void Bullet(string text, XColor bulletColor)
    {
        Ensure(Body.Size * 1.4);
        G.DrawEllipse(new XSolidBrush(bulletColor), MarginLeft + 3, _y + 4, 4, 4);
        Paragraph(text, Body, Ink, spaceAfter: 4, indent: 14);
    }

    internal void KeyValues(IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        const double keyW = 150;
        foreach (var p in pairs)
        {
            var valueLines = Wrap(p.Value, BodyBold, ContentWidth - keyW);
            var keyLines = Wrap(p.Key, Body, keyW - 8);
            double lh = Body.Size * 1.4;
            double h = Math.Max(valueLines.Count, keyLines.Count) * lh + 3;
            Ensure(h);
            for (int i = 0; i < keyLines.Count; i++)
            {
                G.DrawString(keyLines[i], Body, new XSolidBrush(Muted), MarginLeft, _y + Body.Size + (i * lh));
            }

            for (int i = 0; i < valueLines.Count; i++)
            {
                G.DrawString(valueLines[i], BodyBold, new XSolidBrush(Ink), MarginLeft + keyW, _y + Body.Size + (i * lh));
            }

            _y += h;
        }

        _y += 6;
    }

    /// <summary>Draws a table that breaks across pages, repeating its header row on each page.</summary>
    internal void Table(
        IReadOnlyList<string> headers,
        IReadOnlyList<IReadOnlyList<string>> rows,
        IReadOnlyList<double> weights,
        IReadOnlyList<bool> numeric,
        Func<int, int, XColor?>? badge)
    {
        int n = headers.Count;
        double total = weights.Sum();
        var widths = weights.Select(w => ContentWidth * w / total).ToArray();
        const double padX = 5, padY = 4;
        double lh = Cell.Size * 1.3;

        List<string>[] HeaderLines() => [.. Enumerable.Range(0, n).Select(j => Wrap(headers[j], CellBold, widths[j] - (2 * padX)))];
        var headerLines = HeaderLines();
        double headerH = (headerLines.Max(l => l.Count) * lh) + (2 * padY);

        void DrawHeader()
        {
            double x = MarginLeft;
            G.DrawRectangle(new XSolidBrush(HeaderFill), MarginLeft, _y, ContentWidth, headerH);
            for (int j = 0; j < n; j++)
            {
                for (int k = 0; k < headerLines[j].Count; k++)
                {
                    double tx = numeric[j]
                        ? x + widths[j] - padX - G.MeasureString(headerLines[j][k], CellBold).Width
                        : x + padX;
                    G.DrawString(headerLines[j][k], CellBold, new XSolidBrush(Ink), tx, _y + padY + Cell.Size + (k * lh));
                }

                x += widths[j];
            }

            _y += headerH;
            G.DrawLine(new XPen(Accent, 1), MarginLeft, _y, MarginLeft + ContentWidth, _y);
        }

        int maxLines = Math.Max(1, (int)((Bottom - MarginTop - headerH - 40) / lh) - 2);
        Ensure(headerH + (3 * lh) + (2 * padY));
        DrawHeader();
        for (int r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var cellLines = new List<string>[n];
            for (int j = 0; j < n; j++)
            {
                string cell = j < row.Count ? row[j] ?? "" : "";
                XFont font = badge?.Invoke(r, j) is not null ? CellBold : Cell;
                cellLines[j] = Wrap(cell, font, widths[j] - (2 * padX));
                if (cellLines[j].Count > maxLines)
                {
                    // A row never grows beyond one page: the cell is cut with an ellipsis.
                    cellLines[j].RemoveRange(maxLines, cellLines[j].Count - maxLines);
                    cellLines[j][^1] = Fit(G, cellLines[j][^1] + "\u2026", font, widths[j] - (2 * padX));
                }
            }

            double rowH = (cellLines.Max(l => Math.Max(1, l.Count)) * lh) + (2 * padY);
            if (_y + rowH > Bottom)
            {
                NewPage();
                Paragraph(_section + " (continued)", SmallBold, Muted, spaceAfter: 2);
                DrawHeader();
            }

            if (r % 2 == 1)
            {
                G.DrawRectangle(new XSolidBrush(StripeFill), MarginLeft, _y, ContentWidth, rowH);
            }

            double x = MarginLeft;
            for (int j = 0; j < n; j++)
            {
                XColor? bc = badge?.Invoke(r, j);
                if (bc is { } color && cellLines[j].Count > 0)
                {
                    double bw = Math.Min(widths[j] - (2 * padX), G.MeasureString(cellLines[j][0], CellBold).Width + 14);
                    Badge(cellLines[j][0], color, x + padX, _y + padY - 2.5, bw);
                }
                else
                {
                    for (int k = 0; k < cellLines[j].Count; k++)
                    {
                        double tx = numeric[j]
                            ? x + widths[j] - padX - G.MeasureString(cellLines[j][k], Cell).Width
                            : x + padX;
                        G.DrawString(cellLines[j][k], Cell, new XSolidBrush(Ink), tx, _y + padY + Cell.Size + (k * lh) - 1);
                    }
                }

                x += widths[j];
            }

            _y += rowH;
            G.DrawLine(new XPen(RuleColor, 0.5), MarginLeft, _y, MarginLeft + ContentWidth, _y);
        }

        _y += 12;
    }

    /// <summary>Draws a chart model in a box of <see cref="ChartHeight"/> points.</summary>
    internal void Chart(ReportChart chart)
    {
        Ensure(ChartHeight + 10);
        var box = new XRect(MarginLeft, _y, ContentWidth, ChartHeight);
        switch (chart)
        {
            case BarChart bar:
                DrawBarChart(bar, box);
                break;
            case ScatterChart scatter:
                DrawScatterChart(scatter, box);
                break;
            default:
                Paragraph("(Unsupported chart type.)", Small, Muted);
                return;
        }

        _y += ChartHeight + 8;
    }

    private double DrawLegend(IReadOnlyList<(string Name, XColor Color, bool Line)> items, XRect box)
    {
        // Legend on one or more rows at the top of the box; returns the height used.
        double x = box.Left + 40, y = box.Top + 2;
        const double rowH = 13;
        foreach (var (name, color, line) in items)
        {
            string label = Ellipsize(name, Small, 200);
            double w = 16 + G.MeasureString(label, Small).Width + 16;
            if (x + w > box.Right)
            {
                x = box.Left + 40;
                y += rowH;
            }

            if (line)
            {
                G.DrawLine(new XPen(color, 1.5) { DashStyle = XDashStyle.Dash }, x, y + 5, x + 12, y + 5);
            }
            else
            {
                G.DrawRectangle(new XSolidBrush(color), x + 2, y + 1, 8, 8);
            }

            G.DrawString(label, Small, new XSolidBrush(Ink), x + 16, y + 8.5);
            x += w;
        }

        return y + rowH + 6 - box.Top;
    }

    private void DrawBarChart(BarChart chart, XRect box)
    {
        var items = chart.Series.Select((s, i) => (s.Name, Palette[i % Palette.Length], false)).ToList();
        if (chart.Threshold is not null)
        {
            items.Add((chart.ThresholdLabel, Fail, true));
        }

        double legendH = DrawLegend(items, box);
        int nCat = chart.Labels.Count;
        double maxLabel = chart.Labels.Count == 0 ? 0 : chart.Labels.Max(l => G.MeasureString(Ellipsize(l, Small, 90), Small).Width);
        double plotLeft = box.Left + 48;
        double plotRight = box.Right - 6;
        double slot = nCat == 0 ? 1 : (plotRight - plotLeft) / nCat;
        bool vertical = chart.Labels.Any(l => G.MeasureString(l, Small).Width > slot - 4);
        double labelH = vertical ? Math.Min(90, maxLabel) + 8 : 16;
        double xTitleH = string.IsNullOrEmpty(chart.XAxisLabel) ? 0 : 14;
        var plot = new XRect(plotLeft, box.Top + legendH, plotRight - plotLeft, box.Height - legendH - labelH - xTitleH);

        double max = 0, min = 0;
        foreach (var s in chart.Series)
        {
            foreach (double v in s.Values)
            {
                if (double.IsFinite(v))
                {
                    max = Math.Max(max, v);
                    min = Math.Min(min, v);
                }
            }
        }

        if (chart.Threshold is { } th && double.IsFinite(th))
        {
            max = Math.Max(max, th);
        }

        var (lo, hi, step) = NiceRange(min * 1.08, max <= 0 && min >= 0 ? 1 : max * 1.08);
        YAxis(plot, lo, hi, step, chart.YAxisLabel);
        double Y(double v) => plot.Bottom - ((v - lo) / (hi - lo) * plot.Height);

        int nSeries = Math.Max(1, chart.Series.Count);
        double groupW = slot * 0.8;
        double barW = groupW / nSeries;
        for (int i = 0; i < nCat; i++)
        {
            double gx = plot.Left + (i * slot) + ((slot - groupW) / 2);
            for (int s = 0; s < chart.Series.Count; s++)
            {
                var values = chart.Series[s].Values;
                if (i >= values.Count || !double.IsFinite(values[i]))
                {
                    continue;
                }

                double y0 = Y(Math.Clamp(0, lo, hi));
                double y1 = Y(Math.Clamp(values[i], lo, hi));
                G.DrawRectangle(new XSolidBrush(Palette[s % Palette.Length]), gx + (s * barW), Math.Min(y0, y1), Math.Max(0.5, barW - 0.6), Math.Abs(y1 - y0));
            }

            string label = Ellipsize(chart.Labels[i], Small, vertical ? 88 : slot - 2);
            double cx = plot.Left + (i * slot) + (slot / 2);
            if (vertical)
            {
                var state = G.Save();
                G.RotateAtTransform(-90, new XPoint(cx, plot.Bottom + 4));
                double tw = G.MeasureString(label, Small).Width;
                G.DrawString(label, Small, new XSolidBrush(Ink), cx - tw, plot.Bottom + 4 + (Small.Size / 2.8));
                G.Restore(state);
            }
            else
            {
                double tw = G.MeasureString(label, Small).Width;
                G.DrawString(label, Small, new XSolidBrush(Ink), cx - (tw / 2), plot.Bottom + 11);
            }
        }

        G.DrawLine(new XPen(Ink, 0.8), plot.Left, Y(Math.Clamp(0, lo, hi)), plot.Right, Y(Math.Clamp(0, lo, hi)));
        if (chart.Threshold is { } t && double.IsFinite(t))
        {
            G.DrawLine(new XPen(Fail, 1.2) { DashStyle = XDashStyle.Dash }, plot.Left, Y(t), plot.Right, Y(t));
        }

        XTitle(box, plot, chart.XAxisLabel);
    }

    private void DrawScatterChart(ScatterChart chart, XRect box)
    {
        double legendH = DrawLegend([.. chart.Series.Select((s, i) => (s.Name, Palette[i % Palette.Length], false))], box);
        double xTitleH = string.IsNullOrEmpty(chart.XAxisLabel) ? 0 : 14;
        var plot = new XRect(box.Left + 48, box.Top + legendH, box.Width - 54, box.Height - legendH - 16 - xTitleH);
        var pts = chart.Series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        double minX = pts.Count == 0 ? 0 : pts.Min(p => p.X), maxX = pts.Count == 0 ? 1 : pts.Max(p => p.X);
        double minY = pts.Count == 0 ? 0 : pts.Min(p => p.Y), maxY = pts.Count == 0 ? 1 : pts.Max(p => p.Y);
        var (xlo, xhi, xstep) = NiceRange(minX, maxX);
        var (ylo, yhi, ystep) = NiceRange(minY, maxY);
        YAxis(plot, ylo, yhi, ystep, chart.YAxisLabel);
        double X(double v) => plot.Left + ((v - xlo) / (xhi - xlo) * plot.Width);
        double Y(double v) => plot.Bottom - ((v - ylo) / (yhi - ylo) * plot.Height);

        var grid = new XPen(RuleColor, 0.4);
        for (double v = xlo; v <= xhi + (xstep / 2); v += xstep)
        {
            double x = X(v);
            G.DrawLine(grid, x, plot.Top, x, plot.Bottom);
            string label = FormatTick(v, xstep);
            double tw = G.MeasureString(label, Small).Width;
            G.DrawString(label, Small, new XSolidBrush(Muted), x - (tw / 2), plot.Bottom + 11);
        }

        for (int s = 0; s < chart.Series.Count; s++)
        {
            XColor c = Palette[s % Palette.Length];
            var brush = new XSolidBrush(XColor.FromArgb(150, c.R, c.G, c.B));
            foreach (var p in chart.Series[s].Points)
            {
                if (double.IsFinite(p.X) && double.IsFinite(p.Y))
                {
                    G.DrawEllipse(brush, X(p.X) - 1.6, Y(p.Y) - 1.6, 3.2, 3.2);
                }
            }
        }

        G.DrawRectangle(new XPen(Ink, 0.8), plot);
        XTitle(box, plot, chart.XAxisLabel);
    }

    private void YAxis(XRect plot, double lo, double hi, double step, string title)
    {
        var grid = new XPen(RuleColor, 0.4);
        for (double v = lo; v <= hi + (step / 2); v += step)
        {
            double y = plot.Bottom - ((v - lo) / (hi - lo) * plot.Height);
            G.DrawLine(grid, plot.Left, y, plot.Right, y);
            string label = FormatTick(v, step);
            double tw = G.MeasureString(label, Small).Width;
            G.DrawString(label, Small, new XSolidBrush(Muted), plot.Left - 4 - tw, y + 3);
        }

        G.DrawLine(new XPen(Ink, 0.8), plot.Left, plot.Top, plot.Left, plot.Bottom);
        if (!string.IsNullOrEmpty(title))
        {
            string t = Ellipsize(title, SmallBold, plot.Height);
            var state = G.Save();
            double cx = plot.Left - 40, cy = plot.Top + (plot.Height / 2);
            G.RotateAtTransform(-90, new XPoint(cx, cy));
            double tw = G.MeasureString(t, SmallBold).Width;
            G.DrawString(t, SmallBold, new XSolidBrush(Ink), cx - (tw / 2), cy + 3);
            G.Restore(state);
        }
    }

    private void XTitle(XRect box, XRect plot, string title)
    {
        if (string.IsNullOrEmpty(title))
        {
            return;
        }

        string t = Ellipsize(title, SmallBold, plot.Width);
        double tw = G.MeasureString(t, SmallBold).Width;
        G.DrawString(t, SmallBold, new XSolidBrush(Ink), plot.Left + ((plot.Width - tw) / 2), box.Bottom - 3);
    }

    internal static (double Lo, double Hi, double Step) NiceRange(double min, double max)
    {
        if (!(max > min))
        {
            double pad = Math.Abs(min) > 0 ? Math.Abs(min) * 0.1 : 1;
            min -= pad;
            max += pad;
        }

        double raw = (max - min) / 5;
        double mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double norm = raw / mag;
        double step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
        return (Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step);
    }

    private static string FormatTick(double v, double step)
    {
        int decimals = Math.Max(0, (int)-Math.Floor(Math.Log10(step) + 1e-9));
        if (Math.Abs(v) < step / 1e6)
        {
            v = 0;
        }

        return v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private string Ellipsize(string text, XFont font, double width) => Fit(G, text, font, width);

    /// <summary>Greedy word wrap; words longer than the width are broken by characters.</summary>
    internal List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (string paragraph in (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = new StringBuilder();
            foreach (string word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                string candidate = line.Length == 0 ? word : line + " " + word;
                if (G.MeasureString(candidate, font).Width <= width)
                {
                    line.Clear().Append(candidate);
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                string rest = word;
                while (G.MeasureString(rest, font).Width > width && rest.Length > 1)
                {
                    // Longest prefix that fits (binary search; at least one character).
                    int lo = 1, hi = rest.Length - 1;
                    while (lo < hi)
                    {
                        int mid = (lo + hi + 1) / 2;
                        if (G.MeasureString(rest[..mid], font).Width <= width)
                        {
                            lo = mid;
                        }
                        else
                        {
                            hi = mid - 1;
                        }
                    }

                    int take = lo;

                    lines.Add(rest[..take]);
                    rest = rest[take..];
                }

                line.Append(rest);
            }

            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>Draws running headers and "Page n of m" footers on every page.</summary>
    internal void Finish()
    {
        _gfx?.Dispose();
        _gfx = null;
        int count = _doc.PageCount;
        DrawContents();
        for (int i = 0; i < count; i++)
        {
            PdfPage page = _doc.Pages[i];
            using XGraphics g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            double w = page.Width.Point, h = page.Height.Point;
            var muted = new XSolidBrush(Muted);
            var pen = new XPen(RuleColor, 0.6);
            if (!_titlePages[i])
            {
                string left = Fit(g, _content.Title + " \u2014 " + _content.DatasetName, Small, (w - MarginLeft - MarginRight) * 0.6);
                g.DrawString(left, Small, muted, MarginLeft, 40);
                string right = Fit(g, _pageSections[i], Small, (w - MarginLeft - MarginRight) * 0.38);
                g.DrawString(right, Small, muted, w - MarginRight - g.MeasureString(right, Small).Width, 40);
                g.DrawLine(pen, MarginLeft, 46, w - MarginRight, 46);
            }

            g.DrawLine(pen, MarginLeft, h - 44, w - MarginRight, h - 44);
            g.DrawString("Generated " + ReportText.FormatDate(_content.GeneratedAt) + " \u2014 Avatars for .NET", Small, muted, MarginLeft, h - 32);
            string pageText = string.Create(CultureInfo.InvariantCulture, $"Page {i + 1} of {count}");
            g.DrawString(pageText, Small, muted, w - MarginRight - g.MeasureString(pageText, Small).Width, h - 32);
        }
    }

    /// <summary>Draws a table of contents at the bottom of the title page when it fits there.</summary>
    private void DrawContents()
    {
        if (_titleEndPage < 0 || _sections.Count == 0)
        {
            return;
        }

        PdfPage page = _doc.Pages[_titleEndPage];
        double lh = Body.Size * 1.5;
        double height = 26 + (_sections.Count * lh);
        double bottom = page.Height.Point - MarginBottom;
        if (_titleEndY + 16 + height > bottom)
        {
            return;
        }

        using XGraphics g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
        double width = page.Width.Point - MarginLeft - MarginRight;
        double y = bottom - height;
        g.DrawString("Contents", H2, new XSolidBrush(Ink), MarginLeft, y + H2.Size);
        y += 22;
        var dots = new XPen(RuleColor, 0.6) { DashStyle = XDashStyle.Dot };
        foreach (var (title, pageIndex) in _sections)
        {
            string number = (pageIndex + 1).ToString(CultureInfo.InvariantCulture);
            string text = Fit(g, title, Body, width - 60);
            double tw = g.MeasureString(text, Body).Width;
            double nw = g.MeasureString(number, Body).Width;
            g.DrawString(text, Body, new XSolidBrush(Ink), MarginLeft, y + Body.Size);
            g.DrawLine(dots, MarginLeft + tw + 6, y + Body.Size, MarginLeft + width - nw - 6, y + Body.Size);
            g.DrawString(number, Body, new XSolidBrush(Ink), MarginLeft + width - nw, y + Body.Size);
            y += lh;
        }
    }

    private static string Fit(XGraphics g, string text, XFont font, double width)
    {
        if (g.MeasureString(text, font).Width <= width)
        {
            return text;
        }

        // Longest prefix that fits with an ellipsis (binary search).
        int lo = 0, hi = text.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (g.MeasureString(string.Concat(text.AsSpan(0, mid), "\u2026"), font).Width <= width)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return string.Concat(text.AsSpan(0, Math.Max(1, lo)), "\u2026");
    }
}
