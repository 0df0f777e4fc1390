using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Avatars.Engine.Reporting.Report;

/// <summary>
/// Writes the avatarization report as one self-contained HTML document: inline CSS, inline SVG figures,
/// no external resource, print-friendly page breaks. Every user-supplied text is HTML-escaped.
/// </summary>
public static partial class HtmlReportWriter
{
    /// <summary>Renders the report to an HTML string.</summary>
    /// <param name="content">Report content.</param>
    /// <returns>The complete HTML document.</returns>
    public static string Render(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
        sb.Append("<title>").Append(E(content.Title)).Append(" \u2014 ").Append(E(content.DatasetName)).Append("</title>\n");
        sb.Append("<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");

        WriteTitleBlock(sb, content);
        WriteSummary(sb, content);
        WriteHowToRead(sb);
        foreach (string group in Groups(content))
        {
            WriteGroup(sb, content, group);
        }

        WriteFigures(sb, content);
        WriteTables(sb, content);
        WriteMetadata(sb, content);
        sb.Append("<footer class=\"doc-footer\">").Append(E(content.Title)).Append(" \u2014 ")
            .Append(E(content.DatasetName)).Append(" \u2014 generated ").Append(E(ReportText.FormatDate(content.GeneratedAt)))
            .Append("</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>Writes the report as UTF-8 (without byte-order mark) to a stream.</summary>
    /// <param name="content">Report content.</param>
    /// <param name="output">Destination stream.</param>
    public static void Write(ReportContent content, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        byte[] bytes = new UTF8Encoding(false).GetBytes(Render(content));
        output.Write(bytes);
    }

    /// <summary>Writes the report to a file (UTF-8, overwritten).</summary>
    /// <param name="content">Report content.</param>
    /// <param name="path">Destination path.</param>
    public static void WriteFile(ReportContent content, string path)
    {
        using var stream = File.Create(path);
        Write(content, stream);
    }

    internal static IEnumerable<string> Groups(ReportContent content) =>
        content.Metrics.Select(m => m.Group).Distinct(StringComparer.Ordinal);

    /// <summary>Escapes text for HTML element content and quoted attribute values (UTF-8 output, so only markup characters are escaped).</summary>
    private static string E(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (char ch in text)
        {
            sb.Append(ch switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? ch.ToString());
        }

        return sb.ToString();
    }

    private static void WriteTitleBlock(StringBuilder sb, ReportContent c)
    {
        sb.Append("<header class=\"title-page\">\n<p class=\"kicker\">Data-protection impact assessment \u2014 annex</p>\n");
        sb.Append("<h1>").Append(E(c.Title)).Append("</h1>\n");
        sb.Append("<p class=\"dataset\">Data set: <strong>").Append(E(c.DatasetName)).Append("</strong></p>\n");
        sb.Append("<table class=\"kv\">\n<tbody>\n");
        Kv(sb, "Generated", ReportText.FormatDate(c.GeneratedAt));
        Kv(sb, "Rows", ReportText.FormatCount(c.RowCount));
        Kv(sb, "Columns", c.ColumnCount.ToString(CultureInfo.InvariantCulture));
        int passed = c.Metrics.Count(m => m.Passed == true);
        int failed = c.Metrics.Count(m => m.Passed == false);
        Kv(sb, "Targets", string.Create(CultureInfo.InvariantCulture, $"{passed} met, {failed} missed, {c.Metrics.Count - passed - failed} without target"));
        sb.Append("</tbody>\n</table>\n");
        if (c.Parameters.Count > 0)
        {
            sb.Append("<h2 class=\"small\">Avatarization parameters</h2>\n<table class=\"kv\">\n<tbody>\n");
            foreach (var p in c.Parameters)
            {
                Kv(sb, p.Key, p.Value);
            }

            sb.Append("</tbody>\n</table>\n");
        }

        sb.Append("<p class=\"overview\">").Append(E(ReportText.MethodOverview)).Append("</p>\n");
        if (c.Warnings.Count > 0)
        {
            sb.Append("<div class=\"warnings\" role=\"note\">\n<h2 class=\"small\">Warnings</h2>\n<ul>\n");
            foreach (string w in c.Warnings)
            {
                sb.Append("<li>").Append(E(w)).Append("</li>\n");
            }

            sb.Append("</ul>\n</div>\n");
        }

        sb.Append("</header>\n");
    }

    private static void Kv(StringBuilder sb, string key, string value) =>
        sb.Append("<tr><th scope=\"row\">").Append(E(key)).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");

    private static string BadgeClass(ReportMetric m) => m.Passed switch
    {
        true => "pass",
        false => "fail",
        _ => "info",
    };

    private static void WriteSummary(StringBuilder sb, ReportContent c)
    {
        sb.Append("<section class=\"page\" id=\"summary\">\n<h2>1. Summary of metrics</h2>\n");
        sb.Append("<p>Every metric computed on this run, compared with its target.</p>\n");
        sb.Append("<table class=\"grid summary\">\n<thead><tr><th>Group</th><th>Metric</th><th class=\"num\">Value</th><th>Target</th><th>Result</th><th>Definition</th></tr></thead>\n<tbody>\n");
        foreach (var m in c.Metrics)
        {
            sb.Append("<tr><td>").Append(E(m.Group)).Append("</td><td>").Append(E(m.DisplayName))
                .Append("<br><code>").Append(E(m.Key)).Append("</code></td><td class=\"num\">")
                .Append(E(ReportText.FormatValue(m.Value, m.Unit))).Append("</td><td>")
                .Append(E(string.IsNullOrEmpty(m.Target) ? "\u2014" : m.Target)).Append("</td><td><span class=\"badge ")
                .Append(BadgeClass(m)).Append("\">").Append(E(ReportText.Status(m))).Append("</span></td><td>")
                .Append(E(m.Design)).Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void WriteHowToRead(StringBuilder sb)
    {
        sb.Append("<section class=\"page\" id=\"how-to-read\">\n<h2>2. How to read this report</h2>\n");
        sb.Append("<p>").Append(E(ReportText.HowToRead)).Append("</p>\n");
        sb.Append("<h3>Threat model and known limits</h3>\n");
        foreach (string para in ReportText.ThreatModel)
        {
            int dot = para.IndexOf(". ", StringComparison.Ordinal);
            if (dot > 0 && dot < 40)
            {
                sb.Append("<p><strong>").Append(E(para[..(dot + 1)])).Append("</strong>").Append(E(para[(dot + 1)..])).Append("</p>\n");
            }
            else
            {
                sb.Append("<p>").Append(E(para)).Append("</p>\n");
            }
        }

        sb.Append("</section>\n");
    }

    private static void WriteGroup(StringBuilder sb, ReportContent c, string group)
    {
        sb.Append("<section class=\"page\" id=\"group-").Append(E(Slug(group))).Append("\">\n<h2>")
            .Append(E(group)).Append(" metrics</h2>\n");
        foreach (var m in c.Metrics.Where(m => m.Group == group))
        {
            sb.Append("<article class=\"metric\">\n<h3>").Append(E(m.DisplayName)).Append(" <span class=\"badge ")
                .Append(BadgeClass(m)).Append("\">").Append(E(ReportText.Status(m))).Append("</span></h3>\n");
            sb.Append("<p class=\"facts\"><span>Value: <strong>").Append(E(ReportText.FormatValue(m.Value, m.Unit)))
                .Append("</strong></span><span>Target: ").Append(E(string.IsNullOrEmpty(m.Target) ? "none" : m.Target))
                .Append("</span><span>Key: <code>").Append(E(m.Key)).Append("</code></span>");
            if (!string.IsNullOrEmpty(m.Design))
            {
                sb.Append("<span>Definition: ").Append(E(m.Design)).Append("</span>");
            }

            sb.Append("</p>\n<p>").Append(E(m.Explanation)).Append("</p>\n</article>\n");
        }

        sb.Append("</section>\n");
    }

    private static void WriteFigures(StringBuilder sb, ReportContent c)
    {
        if (c.Figures.Count == 0)
        {
            return;
        }

        sb.Append("<section class=\"page\" id=\"figures\">\n<h2>Figures</h2>\n");
        int i = 0;
        foreach (var f in c.Figures)
        {
            i++;
            sb.Append("<figure>\n");
            if (!string.IsNullOrWhiteSpace(f.Svg))
            {
                if (IsSafeSvg(f.Svg))
                {
                    // Plot output (Reporting/Plots) is embedded as is once it passed the safety check.
                    sb.Append("<div class=\"svg\">").Append(f.Svg.Trim()).Append("</div>\n");
                }
                else
                {
                    sb.Append("<p class=\"omitted\">This figure was omitted: its SVG contains active content or external references.</p>\n");
                }
            }
            else if (f.Chart is { } chart)
            {
                // No SVG from the plotting code: draw the chart model (labels escaped).
                sb.Append("<div class=\"svg\">").Append(SvgChartFallback.Render(chart)).Append("</div>\n");
            }

            sb.Append("<figcaption><strong>Figure ").Append(i.ToString(CultureInfo.InvariantCulture)).Append(". ")
                .Append(E(f.Title)).Append(".</strong> ").Append(E(f.Caption)).Append("</figcaption>\n</figure>\n");
        }

        sb.Append("</section>\n");
    }

    private static void WriteTables(StringBuilder sb, ReportContent c)
    {
        foreach (var t in c.Tables)
        {
            sb.Append("<section class=\"page\">\n<h2>").Append(E(t.Title)).Append("</h2>\n");
            if (!string.IsNullOrEmpty(t.Caption))
            {
                sb.Append("<p>").Append(E(t.Caption)).Append("</p>\n");
            }

            sb.Append("<table class=\"grid\">\n<thead><tr>");
            foreach (string h in t.Headers)
            {
                sb.Append("<th>").Append(E(h)).Append("</th>");
            }

            sb.Append("</tr></thead>\n<tbody>\n");
            foreach (var row in t.Rows)
            {
                sb.Append("<tr>");
                for (int j = 0; j < t.Headers.Count; j++)
                {
                    string cell = j < row.Count ? row[j] : "";
                    sb.Append(LooksNumeric(cell) ? "<td class=\"num\">" : "<td>").Append(E(cell)).Append("</td>");
                }

                sb.Append("</tr>\n");
            }

            sb.Append("</tbody>\n</table>\n</section>\n");
        }
    }

    private static void WriteMetadata(StringBuilder sb, ReportContent c)
    {
        sb.Append("<section class=\"page\" id=\"metadata\">\n<h2>Run metadata</h2>\n<table class=\"kv grid\">\n<tbody>\n");
        Kv(sb, "Report generated", ReportText.FormatDate(c.GeneratedAt));
        foreach (var p in c.RunMetadata)
        {
            Kv(sb, p.Key, p.Value);
        }

        sb.Append("</tbody>\n</table>\n</section>\n");
    }

    /// <summary>
    /// Defence in depth for the embedded SVG (which may carry user data such as column names): it must be one
    /// standalone <c>&lt;svg&gt;</c> element without scripts, event handlers, foreign objects or external references.
    /// The page's Content-Security-Policy also blocks scripts and external loads.
    /// </summary>
    /// <param name="svg">SVG markup.</param>
    /// <returns><c>true</c> when it can be embedded.</returns>
    public static bool IsSafeSvg(string svg)
    {
        ArgumentNullException.ThrowIfNull(svg);
        string t = svg.Trim();
        return t.StartsWith("<svg", StringComparison.OrdinalIgnoreCase)
            && t.EndsWith("</svg>", StringComparison.OrdinalIgnoreCase)
            && !UnsafeSvg().IsMatch(t);
    }

    [GeneratedRegex(@"<\s*(script|foreignObject|iframe|object|embed|link|meta)|javascript:|\son[a-z]+\s*=|(href|src)\s*=\s*[""']?\s*(https?:|data:text|//)|url\(\s*[""']?\s*(https?:|//)|@import", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnsafeSvg();

    internal static bool LooksNumeric(string cell) =>
        cell.Length > 0 && double.TryParse(cell.TrimEnd('%', ' '), NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static string Slug(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char ch in s.ToLowerInvariant())
        {
            sb.Append(char.IsAsciiLetterOrDigit(ch) ? ch : '-');
        }

        return sb.ToString();
    }

    private const string Css = """
        :root { --ink: #1d2733; --muted: #5b6773; --rule: #d5dbe1; --accent: #1f4e79; --pass: #1e7b34; --fail: #b3261e; --info: #5b6773; }
        * { box-sizing: border-box; }
        body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; color: var(--ink); margin: 0 auto; max-width: 60rem; padding: 2rem 2.5rem; line-height: 1.45; font-size: 15px; }
        h1 { font-size: 2rem; margin: 0.2rem 0 0.8rem; color: var(--accent); }
        h2 { font-size: 1.35rem; color: var(--accent); border-bottom: 2px solid var(--accent); padding-bottom: 0.25rem; margin-top: 2.2rem; }
        h2.small { font-size: 1.05rem; border-bottom: 1px solid var(--rule); margin-top: 1.5rem; }
        h3 { font-size: 1.08rem; margin: 1.4rem 0 0.3rem; }
        .kicker { text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); font-size: 0.8rem; margin: 0; }
        .dataset { font-size: 1.1rem; }
        .overview { color: var(--muted); }
        table { border-collapse: collapse; width: 100%; margin: 0.6rem 0 1rem; }
        th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.55rem; overflow-wrap: anywhere; }
        .grid th, .grid td { border-bottom: 1px solid var(--rule); }
        .grid thead th { background: #eef2f6; border-bottom: 2px solid var(--accent); }
        .grid tbody tr:nth-child(even) td { background: #f8fafb; }
        .kv th { width: 14rem; color: var(--muted); font-weight: normal; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        code { font-size: 0.85em; color: var(--muted); }
        .badge { display: inline-block; padding: 0.05rem 0.5rem; border-radius: 0.7rem; font-size: 0.8rem; font-weight: bold; color: #fff; white-space: nowrap; vertical-align: middle; }
        .badge.pass { background: var(--pass); } .badge.fail { background: var(--fail); } .badge.info { background: var(--info); }
        .warnings { border-left: 4px solid var(--fail); background: #fdf1f0; padding: 0.2rem 1rem; margin: 1rem 0; }
        .metric { border-bottom: 1px solid var(--rule); padding-bottom: 0.4rem; break-inside: avoid; page-break-inside: avoid; }
        .facts span { margin-right: 1.4rem; }
        figure { margin: 1.2rem 0; break-inside: avoid; page-break-inside: avoid; }
        figure .svg svg { max-width: 100%; height: auto; }
        figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 0.4rem; }
        .omitted { color: var(--fail); font-style: italic; }
        .doc-footer { margin-top: 3rem; border-top: 1px solid var(--rule); padding-top: 0.5rem; color: var(--muted); font-size: 0.8rem; }
        @page { size: A4; margin: 18mm 16mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          .page { break-before: page; page-break-before: always; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; page-break-inside: avoid; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
        }

        """;
}
