using Avatars.Data;
using Avatars.Data.IO;
using Avatars.Engine.Reporting.Plots;
using Avatars.Engine.Reporting.Report;

namespace Avatars.Engine.Reporting.Evaluation;

/// <summary>
/// Writes an evaluation with the result file names of the API (api.md): <c>&lt;t&gt;.privacy.json</c>,
/// <c>&lt;t&gt;.signal.json</c>, <c>&lt;t&gt;.&lt;kind&gt;[-i].html</c>, <c>figures_metadata.json</c>, and
/// <c>report.html</c> / <c>report.pdf</c>. Each file is written to a temporary name and moved into place, so an
/// interrupted run never leaves a half-written file.
/// </summary>
public static class EvaluationWriter
{
    /// <summary>Writes the metric files and the figures; returns the paths written, the privacy and signal JSON first.</summary>
    public static async Task<IReadOnlyList<string>> WriteMetricsAsync(AvatarEvaluation evaluation, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        Directory.CreateDirectory(directory);
        var name = TableNameEscaping.Escape(evaluation.Original.Name);
        var written = new List<string>
        {
            await WriteTextAsync(Path.Combine(directory, $"{name}.privacy.json"), evaluation.Privacy.ToJson(), cancellationToken),
            await WriteTextAsync(Path.Combine(directory, $"{name}.signal.json"), evaluation.Signal.ToJson(), cancellationToken),
        };
        if (evaluation.Figures.Count > 0)
        {
            foreach (var figure in evaluation.Figures)
            {
                written.Add(await WriteTextAsync(Path.Combine(directory, figure.FileName), figure.Html, cancellationToken));
            }

            written.Add(await WriteTextAsync(Path.Combine(directory, "figures_metadata.json"), FiguresMetadata.Build(evaluation.Original.Name, evaluation.Figures), cancellationToken));
        }

        return written;
    }

    /// <summary>Writes <c>report.html</c> and <c>report.pdf</c>; returns their paths.</summary>
    public static async Task<(string Html, string Pdf)> WriteReportAsync(ReportContent content, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(directory);
        var html = await WriteTextAsync(Path.Combine(directory, "report.html"), HtmlReportWriter.Render(content), cancellationToken);
        var pdf = Path.Combine(directory, "report.pdf");
        var bytes = PdfReportWriter.Render(content);
        await AtomicFile.WriteAsync(pdf, (stream, ct) => stream.WriteAsync(bytes, ct).AsTask(), cancellationToken);
        return (html, pdf);
    }

    private static async Task<string> WriteTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        await AtomicFile.WriteAsync(path, (stream, ct) => stream.WriteAsync(bytes, ct).AsTask(), cancellationToken);
        return path;
    }
}
