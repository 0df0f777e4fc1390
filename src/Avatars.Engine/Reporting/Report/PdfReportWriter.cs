using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Avatars.Engine.Reporting.Report;

/// <summary>
/// Writes the avatarization report as an A4 PDF with PDFsharp 6.2.4 and the embedded Liberation Sans font:
/// title page, summary, how-to-read and threat model, one page group per metric group, figures drawn natively
/// from <see cref="BarChart"/> / <see cref="ScatterChart"/>, detail tables (breaking across pages with repeated
/// headers) and run metadata; running headers and "Page n of m" footers. Same content, same bytes.
/// </summary>
public static class PdfReportWriter
{
    /// <summary>Writes the report to a stream.</summary>
    /// <param name="content">Report content.</param>
    /// <param name="output">Destination stream (left open).</param>
    public static void Write(ReportContent content, Stream output)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(output);
        ReportFontResolver.EnsureInstalled();
        using var buffer = new MemoryStream();
        using (PdfDocument document = Build(content))
        {
            document.Save(buffer, false);
        }

        output.Write(PdfDeterminism.Normalize(buffer.ToArray()));
    }

    /// <summary>Renders the report to a byte array.</summary>
    /// <param name="content">Report content.</param>
    /// <returns>The PDF bytes.</returns>
    public static byte[] Render(ReportContent content)
    {
        using var ms = new MemoryStream();
        Write(content, ms);
        return ms.ToArray();
    }

    /// <summary>Writes the report to a file (overwritten).</summary>
    /// <param name="content">Report content.</param>
    /// <param name="path">Destination path.</param>
    public static void WriteFile(ReportContent content, string path)
    {
        using var stream = File.Create(path);
        Write(content, stream);
    }

    private static PdfDocument Build(ReportContent c)
    {
        var document = new PdfDocument();
        DateTime created = c.GeneratedAt.UtcDateTime;
        document.Info.Title = MetadataSafe(c.Title + " \u2014 " + c.DatasetName);
        document.Info.Subject = "Avatarization report";
        document.Info.Author = "Avatars for .NET";
        document.Info.Creator = "Avatars for .NET";
        document.Info.CreationDate = created;
        document.Info.ModificationDate = created;
        document.PageLayout = PdfPageLayout.SinglePage;

        var layout = new PdfLayout(document, c);
        WriteTitlePage(layout, c);
        WriteSummary(layout, c);
        WriteHowToRead(layout);
        foreach (string group in HtmlReportWriter.Groups(c))
        {
            WriteGroup(layout, c, group);
        }

        WriteFigures(layout, c);
        foreach (var table in c.Tables)
        {
            layout.NewSection(table.Title);
            layout.Heading(table.Title);
            if (!string.IsNullOrEmpty(table.Caption))
            {
                layout.Paragraph(table.Caption, PdfLayout.Body, PdfLayout.Muted);
            }

            double[] widths = ColumnWeights(table);
            bool[] numeric = Enumerable.Range(0, table.Headers.Count)
                .Select(j => table.Rows.Count > 0 && table.Rows.All(r => j >= r.Count || r[j].Length == 0 || HtmlReportWriter.LooksNumeric(r[j])))
                .ToArray();
            layout.Table(table.Headers, table.Rows, widths, numeric, badge: null);
        }

        WriteMetadata(layout, c);
        layout.Finish();
        return document;
    }

    private static void WriteTitlePage(PdfLayout l, ReportContent c)
    {
        l.NewSection("Overview", titlePage: true);
        l.Space(36);
        l.Paragraph("DATA-PROTECTION IMPACT ASSESSMENT \u2014 ANNEX", PdfLayout.Small, PdfLayout.Muted);
        l.Space(4);
        l.Paragraph(c.Title, PdfLayout.Title, PdfLayout.Accent);
        l.Space(6);
        l.Paragraph("Data set: " + c.DatasetName, PdfLayout.Subtitle, PdfLayout.Ink);
        l.Rule(PdfLayout.Accent, 1.5);
        l.Space(10);
        int passed = c.Metrics.Count(m => m.Passed == true);
        int failed = c.Metrics.Count(m => m.Passed == false);
        var facts = new List<KeyValuePair<string, string>>
        {
            new("Generated", ReportText.FormatDate(c.GeneratedAt)),
            new("Rows", ReportText.FormatCount(c.RowCount)),
            new("Columns", c.ColumnCount.ToString(CultureInfo.InvariantCulture)),
            new("Targets", string.Create(CultureInfo.InvariantCulture, $"{passed} met, {failed} missed, {c.Metrics.Count - passed - failed} without target")),
        };
        l.KeyValues(facts);
        if (c.Parameters.Count > 0)
        {
            l.SubHeading("Avatarization parameters");
            l.KeyValues(c.Parameters);
        }

        l.SubHeading("What avatarization does");
        l.Paragraph(ReportText.MethodOverview, PdfLayout.Body, PdfLayout.Ink);
        if (c.Warnings.Count > 0)
        {
            l.SubHeading("Warnings");
            foreach (string w in c.Warnings)
            {
                l.Bullet(w, PdfLayout.Fail);
            }
        }
    }

    private static void WriteSummary(PdfLayout l, ReportContent c)
    {
        l.NewSection("Summary of metrics");
        l.Heading("1. Summary of metrics");
        l.Paragraph("Every metric computed on this run, compared with its target. Section 2 explains how to read the results and what they do not guarantee.", PdfLayout.Body, PdfLayout.Muted);
        var rows = c.Metrics.Select(m => (IReadOnlyList<string>)
        [
            m.Group,
            m.DisplayName,
            ReportText.FormatValue(m.Value, m.Unit),
            string.IsNullOrEmpty(m.Target) ? "\u2014" : m.Target,
            ReportText.Status(m),
            m.Design,
        ]).ToList();
        l.Table(
            ["Group", "Metric", "Value", "Target", "Result", "Definition"],
            rows,
            [0.11, 0.33, 0.14, 0.12, 0.14, 0.16],
            [false, false, true, false, false, false],
            badge: (row, col) => col == 4 ? BadgeColor(c.Metrics[row]) : null);
    }

    private static XColor BadgeColor(ReportMetric m) => m.Passed switch
    {
        true => PdfLayout.Pass,
        false => PdfLayout.Fail,
        _ => PdfLayout.Muted,
    };

    private static void WriteHowToRead(PdfLayout l)
    {
        l.NewSection("How to read this report");
        l.Heading("2. How to read this report");
        l.Paragraph(ReportText.HowToRead, PdfLayout.Body, PdfLayout.Ink);
        l.SubHeading("Threat model and known limits");
        foreach (string para in ReportText.ThreatModel)
        {
            int dot = para.IndexOf(". ", StringComparison.Ordinal);
            if (dot > 0 && dot < 40)
            {
                l.KeepWithNext(40);
                l.Paragraph(para[..(dot + 1)], PdfLayout.BodyBold, PdfLayout.Ink, spaceAfter: 1);
                l.Paragraph(para[(dot + 2)..], PdfLayout.Body, PdfLayout.Ink);
            }
            else
            {
                l.Paragraph(para, PdfLayout.Body, PdfLayout.Ink);
            }
        }
    }

    private static void WriteGroup(PdfLayout l, ReportContent c, string group)
    {
        l.NewSection(group + " metrics");
        l.Heading(group + " metrics");
        foreach (var m in c.Metrics.Where(m => m.Group == group))
        {
            l.KeepWithNext(70);
            l.MetricHeading(m.DisplayName, ReportText.Status(m), BadgeColor(m));
            string facts = "Value: " + ReportText.FormatValue(m.Value, m.Unit)
                + "  \u00B7  Target: " + (string.IsNullOrEmpty(m.Target) ? "none" : m.Target)
                + "  \u00B7  Key: " + m.Key
                + (string.IsNullOrEmpty(m.Design) ? "" : "  \u00B7  Definition: " + m.Design);
            l.Paragraph(facts, PdfLayout.SmallBold, PdfLayout.Muted, spaceAfter: 2);
            l.Paragraph(m.Explanation, PdfLayout.Body, PdfLayout.Ink, spaceAfter: 4);
            l.Rule(PdfLayout.RuleColor, 0.5);
            l.Space(4);
        }
    }

    private static void WriteFigures(PdfLayout l, ReportContent c)
    {
        if (c.Figures.Count == 0)
        {
            return;
        }

        l.NewSection("Figures");
        l.Heading("Figures");
        int i = 0;
        foreach (var f in c.Figures)
        {
            i++;
            string label = "Figure " + i.ToString(CultureInfo.InvariantCulture) + ". " + f.Title;
            if (f.Chart is { } chart)
            {
                l.KeepWithNext(PdfLayout.ChartHeight + 60);
                l.SubHeading(label);
                l.Chart(chart);
            }
            else
            {
                l.SubHeading(label);
                l.Paragraph("(This figure is available in the HTML version of the report.)", PdfLayout.Small, PdfLayout.Muted);
            }

            if (!string.IsNullOrEmpty(f.Caption))
            {
                l.Paragraph(f.Caption, PdfLayout.Small, PdfLayout.Muted, spaceAfter: 14);
            }
        }
    }

    private static void WriteMetadata(PdfLayout l, ReportContent c)
    {
        l.NewSection("Run metadata");
        l.Heading("Run metadata");
        var rows = new List<IReadOnlyList<string>> { new[] { "Report generated", ReportText.FormatDate(c.GeneratedAt) } };
        rows.AddRange(c.RunMetadata.Select(p => (IReadOnlyList<string>)[p.Key, p.Value]));
        l.Table(["Item", "Value"], rows, [0.35, 0.65], [false, false], badge: null);
    }

    /// <summary>
    /// PDFsharp copies the title into the XMP metadata packet without XML escaping, so markup characters of
    /// user data would corrupt that XML: they are replaced by full-width look-alikes in the metadata only
    /// (page text is exact). Control characters are dropped.
    /// </summary>
    internal static string MetadataSafe(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (char ch in text)
        {
            if (char.IsControl(ch))
            {
                continue;
            }

            sb.Append(ch switch
            {
                '<' => '\uFF1C',
                '>' => '\uFF1E',
                '&' => '\uFF06',
                _ => ch,
            });
        }

        return sb.ToString();
    }

    private static double[] ColumnWeights(ReportTable t)
    {
        int n = t.Headers.Count;
        var w = new double[n];
        for (int j = 0; j < n; j++)
        {
            int longest = t.Headers[j].Length;
            foreach (var r in t.Rows)
            {
                if (j < r.Count)
                {
                    longest = Math.Max(longest, r[j].Length);
                }
            }

            w[j] = Math.Clamp(longest, 6, 40);
        }

        return w;
    }
}
