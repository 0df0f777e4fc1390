using Avatars.Config;
using Avatars.Engine.Metrics.Privacy;
using Avatars.Engine.Metrics.Signal;
using Avatars.Server.Jobs.Runners.MultiTable;

namespace Avatars.Server.Jobs.Runners;

/// <summary>
/// <c>privacy_metrics</c> / <c>signal_metrics</c>: evaluates the avatars of the parent standard job (paired) or the
/// uploaded <c>avatars_data.file</c> (unpaired) against the original, and writes <c>&lt;t&gt;.privacy.json</c> or
/// <c>&lt;t&gt;.signal.json</c> plus <c>run_metadata.json</c>. The metrics are those of the engine's
/// <c>AvatarEvaluator</c> (same evaluator calls and settings), so the files equal the CLI's.
/// </summary>
internal sealed class MetricsJobRunner : IJobRunner
{
    /// <summary>Creates the runner of one of the two metrics kinds.</summary>
    public MetricsJobRunner(JobKind kind)
    {
        if (kind is not (JobKind.PrivacyMetrics or JobKind.SignalMetrics))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only privacy_metrics and signal_metrics are metrics jobs.");
        }

        Kind = kind;
    }

    /// <inheritdoc/>
    public JobKind Kind { get; }

    /// <inheritdoc/>
    public Task RunAsync(JobRunContext context, CancellationToken cancellationToken) =>
        EngineErrors.GuardAsync(() => RunCoreAsync(context, cancellationToken));

    /// <summary>The avatars of the parent standard job, or null when the job has none (uploaded avatars).</summary>
    internal static StandardAvatars? FromParent(JobRunContext context)
    {
        var parent = context.Parents.FirstOrDefault(p => p.Kind == JobKind.Standard);
        return parent is null
            ? null
            : new StandardAvatars(parent.Job.Name, parent.Job.UserId, parent.Files, parent.Parameters as AvatarParameters, parent.Job.Seed ?? (parent.Parameters as AvatarParameters)?.Spec.Seed);
    }

    private async Task RunCoreAsync(JobRunContext context, CancellationToken cancellationToken)
    {
        var parameters = context.Parameters as ParametersDocument
            ?? throw new InvalidOperationException($"A {Kind.ToWire()} job runs a metrics parameters document, not {context.Parameters.Kind}.");
        var standard = FromParent(context);
        var schemas = JobSchemas.Resolve(context.ResourceSet, parameters.Spec.Schema);
        if (schemas.IsMultiTable((standard?.Parameters ?? EvaluationInputs.FindAvatarization(context.ResourceSet, parameters))?.Spec))
        {
            await MultiTableMetricsRun.RunAsync(context, Kind, parameters, schemas.Original, standard, cancellationToken).ConfigureAwait(false);
            return;
        }

        var progress = new JobProgress(context.Progress);
        var inputs = await EvaluationInputs.LoadAsync(context, context.ResourceSet, parameters, standard, cancellationToken).ConfigureAwait(false);
        progress.Report(0.2);
        cancellationToken.ThrowIfCancellationRequested();

        // The same calls as AvatarEvaluator.Evaluate, one part per job: each job computes only what it writes.
        var (original, avatars, options) = (inputs.Original, inputs.Avatars, inputs.Options);
        string json;
        string fileName;
        string resultKey;
        if (Kind == JobKind.PrivacyMetrics)
        {
            var report = await Task.Run(() => PrivacyEvaluator.EvaluateAll(original, avatars, options.Paired, options.Privacy, cancellationToken), cancellationToken).ConfigureAwait(false);
            (json, fileName, resultKey) = (report.ToJson(), ResultFileNames.Privacy(inputs.TableName), ResultKeys.PrivacyMetrics);
        }
        else
        {
            var signalOptions = options.Signal with { IgnoredColumns = [.. options.Signal.IgnoredColumns, .. options.Privacy.IgnoredColumns] };
            var signal = await Task.Run(() => SignalEvaluator.Evaluate(original, avatars, signalOptions, cancellationToken), cancellationToken).ConfigureAwait(false);
            (json, fileName, resultKey) = (signal.ToJson(), ResultFileNames.Signal(inputs.TableName), ResultKeys.SignalMetrics);
        }

        progress.Report(0.9);
        cancellationToken.ThrowIfCancellationRequested();
        await ResultOutput.WriteTextAsync(context, resultKey, inputs.TableName, 0, fileName, json, cancellationToken).ConfigureAwait(false);
        await ResultOutput.WriteRunMetadataAsync(context, inputs.Seed, cancellationToken).ConfigureAwait(false);
        progress.Report(1);
    }
}
