namespace Avatars.Engine.Reporting.Report;

/// <summary>
/// Neutral input of the avatarization report: plain strings, numbers and SVG, filled by the caller
/// from the metric and plot results. Both <see cref="HtmlReportWriter"/> and <see cref="PdfReportWriter"/>
/// render the same content; the same content always gives the same bytes.
/// </summary>
/// <remarks>All text is treated as untrusted user data (column names, data set names) and is escaped by the writers.</remarks>
public sealed record ReportContent
{
    /// <summary>Document title, e.g. "Avatarization report".</summary>
    public required string Title { get; init; }

    /// <summary>Name of the avatarized data set (user data).</summary>
    public required string DatasetName { get; init; }

    /// <summary>When the report was generated; also used as the PDF creation date.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Number of rows of the original table.</summary>
    public required long RowCount { get; init; }

    /// <summary>Number of columns of the original table.</summary>
    public required int ColumnCount { get; init; }

    /// <summary>Avatarization parameters in display order (k, ncp, seed, imputation, ...).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>Every privacy and signal metric, in display order.</summary>
    public IReadOnlyList<ReportMetric> Metrics { get; init; } = [];

    /// <summary>Figures, in display order.</summary>
    public IReadOnlyList<ReportFigure> Figures { get; init; } = [];

    /// <summary>Detail tables (e.g. Hellinger distance per variable), in display order.</summary>
    public IReadOnlyList<ReportTable> Tables { get; init; } = [];

    /// <summary>Run metadata in display order (versions, timings, machine).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RunMetadata { get; init; } = [];

    /// <summary>Warnings to show prominently (e.g. "a fixed seed weakens protection").</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>One metric compared with its target.</summary>
public sealed record ReportMetric
{
    /// <summary>Metric group: <see cref="ReportMetricGroups.Privacy"/> or <see cref="ReportMetricGroups.Signal"/>.</summary>
    public required string Group { get; init; }

    /// <summary>Stable key, e.g. "hidden_rate".</summary>
    public required string Key { get; init; }

    /// <summary>Human-readable name, e.g. "Hidden rate".</summary>
    public required string DisplayName { get; init; }

    /// <summary>Value, or <c>null</c> when the metric was not computed.</summary>
    public double? Value { get; init; }

    /// <summary>Unit appended to the value: "%" or "".</summary>
    public string Unit { get; init; } = "";

    /// <summary>Target as text, e.g. "&gt; 90 %"; empty when the metric has no target.</summary>
    public string Target { get; init; } = "";

    /// <summary><c>true</c> when the target is met, <c>false</c> when missed, <c>null</c> when there is no target or no value.</summary>
    public bool? Passed { get; init; }

    /// <summary>Plain-language explanation of what the metric measures and how to read it.</summary>
    public string Explanation { get; init; } = "";

    /// <summary>Provenance of the definition: "vendor parity" or "project design".</summary>
    public string Design { get; init; } = "";
}

/// <summary>Well-known metric group names.</summary>
public static class ReportMetricGroups
{
    /// <summary>Privacy (re-identification risk) metrics.</summary>
    public const string Privacy = "Privacy";

    /// <summary>Signal (utility) metrics.</summary>
    public const string Signal = "Signal";
}

/// <summary>A figure: inline SVG for HTML and an optional native chart model for PDF.</summary>
public sealed record ReportFigure
{
    /// <summary>Figure title.</summary>
    public required string Title { get; init; }

    /// <summary>Caption explaining how to read the figure.</summary>
    public string Caption { get; init; } = "";

    /// <summary>A standalone <c>&lt;svg&gt;</c> element embedded as is in the HTML report (trusted, produced by the plotting code).</summary>
    public string? Svg { get; init; }

    /// <summary>
    /// Optional chart model drawn natively in the PDF (without it the PDF shows the caption only); the HTML
    /// report draws it as a simple SVG when <see cref="Svg"/> is absent.
    /// </summary>
    public ReportChart? Chart { get; init; }
}

/// <summary>Base type of the simple chart models that the PDF writer draws natively.</summary>
public abstract record ReportChart
{
    /// <summary>Label of the horizontal axis.</summary>
    public string XAxisLabel { get; init; } = "";

    /// <summary>Label of the vertical axis.</summary>
    public string YAxisLabel { get; init; } = "";
}

/// <summary>Grouped vertical bar chart.</summary>
public sealed record BarChart : ReportChart
{
    /// <summary>Category labels along the horizontal axis.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>Series; each has one value per label.</summary>
    public required IReadOnlyList<BarSeries> Series { get; init; }

    /// <summary>Optional horizontal threshold line (e.g. the target 0.1).</summary>
    public double? Threshold { get; init; }

    /// <summary>Legend text of the threshold line.</summary>
    public string ThresholdLabel { get; init; } = "Target";
}

/// <summary>One series of a <see cref="BarChart"/>.</summary>
/// <param name="Name">Legend name.</param>
/// <param name="Values">One value per label.</param>
public sealed record BarSeries(string Name, IReadOnlyList<double> Values);

/// <summary>Scatter chart (e.g. originals and avatars on the first two factorial dimensions).</summary>
public sealed record ScatterChart : ReportChart
{
    /// <summary>Series of points, drawn in order (later series on top).</summary>
    public required IReadOnlyList<ScatterSeries> Series { get; init; }
}

/// <summary>One series of a <see cref="ScatterChart"/>.</summary>
/// <param name="Name">Legend name.</param>
/// <param name="Points">Points, drawn as given (the caller samples large sets).</param>
public sealed record ScatterSeries(string Name, IReadOnlyList<ScatterPoint> Points);

/// <summary>A point of a <see cref="ScatterSeries"/>.</summary>
/// <param name="X">Horizontal coordinate.</param>
/// <param name="Y">Vertical coordinate.</param>
public readonly record struct ScatterPoint(double X, double Y);

/// <summary>A detail table (e.g. Hellinger distance per variable).</summary>
public sealed record ReportTable
{
    /// <summary>Table title.</summary>
    public required string Title { get; init; }

    /// <summary>Caption explaining the table.</summary>
    public string Caption { get; init; } = "";

    /// <summary>Column headers.</summary>
    public required IReadOnlyList<string> Headers { get; init; }

    /// <summary>Rows; each has one cell per header (missing cells are shown empty).</summary>
    public required IReadOnlyList<IReadOnlyList<string>> Rows { get; init; }
}
