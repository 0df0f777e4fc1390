namespace Avatars.Engine.Reporting.Plots;

/// <summary>One self-contained HTML figure.</summary>
/// <param name="Kind">The <see cref="PlotKind"/> wire name, e.g. <c>2d_projection</c>.</param>
/// <param name="FileName">The result file name: <c>&lt;table&gt;.&lt;kind&gt;.html</c>, or <c>&lt;table&gt;.&lt;kind&gt;-&lt;i&gt;.html</c> for repeated kinds.</param>
/// <param name="Html">The complete page (inline CSS and script; no external resource).</param>
public sealed record HtmlFigure(string Kind, string FileName, string Html);
