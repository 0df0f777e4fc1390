using System.Globalization;
using System.Runtime.InteropServices;
using Avatars.Config;
using Avatars.Engine.Reporting.Evaluation;
using Avatars.Engine.Reporting.Report;
using Avatars.Server.Hosting;
using Avatars.Server.Jobs.Runners.MultiTable;

namespace Avatars.Server.Jobs.Runners;

/// <summary>
/// <c>report</c>: renders <c>report.pdf</c> and <c>report.html</c> (or only the HTML for <c>output_format: html</c>).
/// </summary>
/// <remarks>
/// The report needs the evaluated metrics and figures as objects, which the metrics JSON files do not fully carry, so
/// the runner evaluates again with <see cref="AvatarEvaluator"/> from the same inputs and settings as the parent
/// metrics jobs: the original of the privacy job's schema, the unshuffled avatars of their standard job (its result
/// file, found by the result layout) or the uploaded avatars, the privacy parameters and seed. The metrics are
/// deterministic for the same inputs and seed, so the report shows the values of the metrics files.
/// </remarks>
internal sealed class ReportJobRunner : IJobRunner
{
    /// <inheritdoc/>
    public JobKind Kind => JobKind.Report;

    /// <inheritdoc/>
    public Task RunAsync(JobRunContext context, CancellationToken cancellationToken) =>
        EngineErrors.GuardAsync(() => RunCoreAsync(context, cancellationToken));

    private static async Task RunCoreAsync(JobRunContext context, CancellationToken cancellationToken)
    {
        var parameters = context.Parameters as AvatarReportParameters
            ?? throw new InvalidOperationException($"A report job runs AvatarReportParameters, not {context.Parameters.Kind}.");
        var pdf = WantsPdf(parameters);
        var privacy = Parent(context, JobKind.PrivacyMetrics);
        // The signal job must exist, but its parameters change nothing: signal_metrics entries only hold projection
        // settings, which the signal metrics do not use.
        _ = Parent(context, JobKind.SignalMetrics);
        var privacyParameters = privacy.Parameters as ParametersDocument
            ?? throw new InvalidOperationException("The privacy_metrics parent has no metrics parameters.");

        var progress = new JobProgress(context.Progress);
        var standard = StandardOf(privacy, privacyParameters);
        var schemas = JobSchemas.Resolve(privacy.ResourceSet, privacyParameters.Spec.Schema);
        if (schemas.IsMultiTable((standard?.Parameters ?? EvaluationInputs.FindAvatarization(privacy.ResourceSet, privacyParameters))?.Spec))
        {
            await RunMultiTableAsync(context, pdf, schemas.Original, privacyParameters, standard, progress, cancellationToken).ConfigureAwait(false);
            return;
        }

        var inputs = await EvaluationInputs.LoadAsync(context, privacy.ResourceSet, privacyParameters, standard, cancellationToken).ConfigureAwait(false);
        progress.Report(0.1);
        cancellationToken.ThrowIfCancellationRequested();

        var evaluating = progress.Stage(0.1, 0.8);
        var parts = 0;
        var evaluation = await Task.Run(
            () => AvatarEvaluator.Evaluate(inputs.Original, inputs.Avatars, inputs.Options with { Figures = true }, new CallbackProgress<string>(_ => evaluating.Report(++parts / 3.0)), cancellationToken),
            cancellationToken).ConfigureAwait(false);
        progress.Report(0.8);
        cancellationToken.ThrowIfCancellationRequested();

        var content = ReportContentBuilder.Build(evaluation, Context(context, inputs));
        await WriteAsync(context, content, pdf, progress, cancellationToken).ConfigureAwait(false);
        await ResultOutput.WriteRunMetadataAsync(context, inputs.Seed, cancellationToken).ConfigureAwait(false);
        progress.Report(1);
    }

    /// <summary>PDF (default) or HTML only; the other formats and report types are rejected with a clear message.</summary>
    private static async Task RunMultiTableAsync(
        JobRunContext context, bool pdf, AvatarSchema schema, ParametersDocument privacyParameters, StandardAvatars? standard, JobProgress progress, CancellationToken cancellationToken)
    {
        var evaluation = await MultiTableEvaluationInputs.LoadAsync(context, schema, privacyParameters, standard, cancellationToken).ConfigureAwait(false);
        progress.Report(0.1);
        var building = progress.Stage(0.1, 0.85);
        var reportContext = new ReportContext
        {
            Title = "Multi-table avatarization report",
            RunMetadata =
            [
                new("Job", context.Job.Name.ToString("D")),
                new("Avatars server", ServerInstance.ApiVersion),
                new(".NET", RuntimeInformation.FrameworkDescription),
            ],
        };
        var content = await Task.Run(() => MultiTableReport.Build(evaluation, privacyParameters, reportContext, building, cancellationToken), cancellationToken).ConfigureAwait(false);
        await WriteAsync(context, content, pdf, progress, cancellationToken).ConfigureAwait(false);
        await ResultOutput.WriteRunMetadataAsync(context, evaluation.Seed, cancellationToken).ConfigureAwait(false);
        progress.Report(1);
    }

    private static async Task WriteAsync(JobRunContext context, ReportContent content, bool pdf, JobProgress progress, CancellationToken cancellationToken)
    {
        if (pdf)
        {
            var bytes = await Task.Run(() => PdfReportWriter.Render(content), cancellationToken).ConfigureAwait(false);
            progress.Report(0.95);
            await ResultOutput.WriteBytesAsync(context, ResultKeys.Report, null, 0, ResultFileNames.ReportPdf, bytes, cancellationToken).ConfigureAwait(false);
        }

        await ResultOutput.WriteTextAsync(context, ResultKeys.Report, null, 0, ResultFileNames.ReportHtml, HtmlReportWriter.Render(content), cancellationToken).ConfigureAwait(false);
    }

    private static bool WantsPdf(AvatarReportParameters parameters)
    {
        if (parameters.ReportType != ReportType.Basic)
        {
            throw new JobFailedException($"report_type {WireValues.ToWire(parameters.ReportType)} is not available in this version of the server: use report_type: basic");
        }

        if (parameters.OutputFormat is not { } format)
        {
            return true;
        }

        return WireValues.ToWire(format) switch
        {
            "pdf" => true,
            "html" => false,
            var other => throw new JobFailedException($"output_format {other} is not available in this version of the server: use pdf or html"),
        };
    }

    private static ParentJob Parent(JobRunContext context, JobKind kind) =>
        context.Parents.FirstOrDefault(p => p.Kind == kind)
        ?? throw new JobFailedException($"a report job needs a {kind.ToWire()} job in depends_on");

    /// <summary>The standard job the privacy job evaluated (its first parent), or null when it evaluated uploaded avatars.</summary>
    private static StandardAvatars? StandardOf(ParentJob privacy, ParametersDocument privacyParameters)
    {
        var standard = privacy.Job.DependsOn.OrderBy(d => d.Position).FirstOrDefault();
        if (standard is null)
        {
            return null;
        }

        var avatarization = EvaluationInputs.FindAvatarization(privacy.ResourceSet, privacyParameters);
        return new StandardAvatars(standard.ParentName, privacy.Job.UserId, null, avatarization, avatarization?.Spec.Seed);
    }

    /// <summary>The parameters and run facts shown in the report.</summary>
    private static ReportContext Context(JobRunContext context, EvaluationInputs inputs)
    {
        var parameters = new List<KeyValuePair<string, string>> { new("table", inputs.TableName) };
        if (inputs.Avatarization is { } a)
        {
            if (a.K is { } k)
            {
                parameters.Add(new("k", k.ToString(CultureInfo.InvariantCulture)));
            }

            parameters.Add(new("ncp", a.Ncp?.ToString(CultureInfo.InvariantCulture) ?? "default"));
            var imputation = AvatarizationSettings.ToImputation(a.Imputation);
            parameters.Add(new("imputation", $"{imputation.Method}, k = {imputation.K}, training fraction = {imputation.TrainingFraction.ToString(CultureInfo.InvariantCulture)}"));
            parameters.Add(new("categorical reduction", a.UseCategoricalReduction == true ? "on" : "off"));
            if (a.ColumnWeights is { Count: > 0 } weights)
            {
                parameters.Add(new("column weights", string.Join(", ", weights.Select(w => $"{w.Key} = {w.Value.Value.ToString(CultureInfo.InvariantCulture)}"))));
            }

            if (a.ExcludeVariables?.VariableNames is { Count: > 0 } excluded)
            {
                parameters.Add(new("excluded variables", string.Join(", ", excluded)));
            }
        }

        parameters.Add(new("seed", inputs.Seed?.ToString(CultureInfo.InvariantCulture) ?? "random (not recorded)"));
        parameters.Add(new("evaluation", inputs.Options.Paired ? "paired (avatars of a standard job)" : "unpaired (uploaded avatars)"));
        return new ReportContext
        {
            Title = inputs.Options.Paired ? "Avatarization report" : "Evaluation report",
            Parameters = parameters,
            RunMetadata =
            [
                new("Job", context.Job.Name.ToString("D")),
                new("Avatars server", ServerInstance.ApiVersion),
                new(".NET", RuntimeInformation.FrameworkDescription),
            ],
        };
    }
}
