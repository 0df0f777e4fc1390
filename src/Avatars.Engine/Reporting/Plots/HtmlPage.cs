using System.Text;

namespace Avatars.Engine.Reporting.Plots;

/// <summary>
/// The shared page template of every figure: a self-contained HTML5 document (inline CSS, optional inline
/// script, no external resource, no web font, works offline). The markup is also well-formed XML outside
/// the script blocks.
/// </summary>
public static class HtmlPage
{
    /// <summary>Colour of the originals in every figure.</summary>
    public const string OriginalColor = "#3B6EA8";

    /// <summary>Colour of the avatars in every figure.</summary>
    public const string AvatarColor = "#E0822F";

    private const string Css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; padding: 24px 28px; background: #ffffff; color: #1f2933;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 14px; }
        header { margin-bottom: 14px; border-bottom: 1px solid #e4e7eb; padding-bottom: 10px; }
        h1 { font-size: 20px; font-weight: 600; margin: 0 0 4px 0; }
        .subtitle { color: #52606d; margin: 0; }
        .note { color: #52606d; font-size: 12.5px; margin: 6px 0; }
        .legend { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; margin: 8px 0 4px 0; font-size: 13px; }
        .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
        .panels { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
        .panel h2 { font-size: 15px; font-weight: 600; margin: 6px 0; }
        svg.chart { display: block; overflow: visible; font-size: 11px; fill: #1f2933; }
        svg.chart text { fill: #323f4b; }
        svg.chart .axis { stroke: #7b8794; stroke-width: 1; }
        svg.chart .grid { stroke: #e4e7eb; stroke-width: 1; }
        svg.chart .threshold { stroke: #c62828; stroke-width: 1; stroke-dasharray: 4 3; }
        svg.chart .cell { stroke: #ffffff; stroke-width: 0.5; }
        svg.chart .cell:hover, svg.chart .bar:hover { stroke: #1f2933; stroke-width: 1.5; }
        svg.chart .axis-title { font-size: 12px; font-weight: 600; }
        svg.chart .small { font-size: 10px; }
        svg.chart .cell-value { pointer-events: none; }
        svg.chart .label-strong { font-weight: 600; }
        svg.chart text.cell-light { fill: #ffffff; }
        svg.chart .pts-original { stroke: #3B6EA8; stroke-opacity: 0.55; stroke-width: 3.5; stroke-linecap: round; fill: none; }
        svg.chart .pts-avatars { stroke: #E0822F; stroke-opacity: 0.55; stroke-width: 3.5; stroke-linecap: round; fill: none; }
        .toolbar { display: flex; gap: 8px; align-items: center; margin: 6px 0; font-size: 12.5px; color: #52606d; }
        button { font: inherit; padding: 3px 10px; border: 1px solid #9aa5b1; border-radius: 4px; background: #f5f7fa; color: #1f2933; cursor: pointer; }
        button:hover { background: #e4e7eb; }
        table.stats { border-collapse: collapse; font-variant-numeric: tabular-nums; margin-top: 8px; }
        table.stats th, table.stats td { padding: 6px 12px; border-bottom: 1px solid #e4e7eb; text-align: right; }
        table.stats th { background: #f5f7fa; font-weight: 600; }
        table.stats th:first-child, table.stats td:first-child { text-align: left; max-width: 320px; overflow-wrap: anywhere; }
        table.stats tbody tr:hover { background: #f5f7fa; }
        canvas { display: block; border: 1px solid #e4e7eb; border-radius: 4px; cursor: grab; touch-action: none; }
        footer { margin-top: 18px; color: #7b8794; font-size: 11.5px; }
        """;

    /// <summary>Builds a page.</summary>
    /// <param name="title">The figure title (escaped).</param>
    /// <param name="subtitle">A line under the title (escaped).</param>
    /// <param name="body">The figure markup, already escaped (built with <see cref="SvgBuilder"/> or <see cref="Markup"/>).</param>
    /// <param name="script">An optional inline script; it must not contain user data.</param>
    /// <param name="data">Optional JSON data (numbers only) embedded as <c>&lt;script type="application/json" id="figure-data"&gt;</c>.</param>
    public static string Render(string title, string subtitle, string body, string? script = null, string? data = null)
    {
        var page = new StringBuilder(body.Length + Css.Length + (script?.Length ?? 0) + (data?.Length ?? 0) + 1024);
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
            .Append("<meta name=\"generator\" content=\"Avatars for .NET\"/>\n")
            .Append("<title>").Append(Markup.Escape(title)).Append("</title>\n<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n")
            .Append("<header><h1>").Append(Markup.Escape(title)).Append("</h1><p class=\"subtitle\">").Append(Markup.Escape(subtitle)).Append("</p></header>\n")
            .Append("<main>\n").Append(body).Append("\n</main>\n")
            .Append("<footer>Generated by Avatars for .NET. Self-contained page: no external resources.</footer>\n");
        if (data is not null)
        {
            page.Append("<script type=\"application/json\" id=\"figure-data\">").Append(data.Replace("<", "\\u003c", StringComparison.Ordinal)).Append("</script>\n");
        }

        if (script is not null)
        {
            page.Append("<script>\n").Append(script).Append("\n</script>\n");
        }

        page.Append("</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>The original/avatars colour legend.</summary>
    public static string Legend(string? originalLabel = null, string? avatarLabel = null) =>
        "<div class=\"legend\"><span><span class=\"swatch\" style=\"background:" + OriginalColor + "\"></span>" + Markup.Escape(originalLabel ?? "Original") +
        "</span><span><span class=\"swatch\" style=\"background:" + AvatarColor + "\"></span>" + Markup.Escape(avatarLabel ?? "Avatars") + "</span></div>";

    /// <summary>A paragraph of note text (escaped).</summary>
    public static string Note(string text) => "<p class=\"note\">" + Markup.Escape(text) + "</p>";
}
