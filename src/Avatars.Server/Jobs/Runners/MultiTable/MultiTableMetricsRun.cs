using Avatars.Config;
using Avatars.Data;
using Avatars.Engine.Metrics.Privacy;
using Avatars.Engine.Metrics.Signal;
using Avatars.Engine.MultiTable.Evaluation;
using Avatars.Engine.TimeSeries;

namespace Avatars.Server.Jobs.Runners.MultiTable;

/// <summary>
/// The <c>privacy_metrics</c> / <c>signal_metrics</c> job of a multi-table schema (docs/multi-table-metrics.md, project
/// design): per table and computation type, one <c>&lt;t&gt;[.&lt;computation_type&gt;[.&lt;reference&gt;]].privacy.json</c>
/// or <c>.signal.json</c>; a time-series table gets the tabular privacy metrics on its projected series and the
/// time-series signal metrics (pointwise and density Hellinger).
/// </summary>
internal static class MultiTableMetricsRun
{
    /// <summary>Runs the job.</summary>
    public static async Task RunAsync(JobRunContext context, JobKind kind, ParametersDocument parameters, AvatarSchema schema, StandardAvatars? standard, CancellationToken cancellationToken)
    {
        var progress = new JobProgress(context.Progress);
        var evaluation = await MultiTableEvaluationInputs.LoadAsync(context, schema, parameters, standard, cancellationToken).ConfigureAwait(false);
        progress.Report(0.2);
        cancellationToken.ThrowIfCancellationRequested();

        var files = await Task.Run(
            () => kind == JobKind.PrivacyMetrics ? Privacy(evaluation, parameters, cancellationToken) : Signal(evaluation, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        progress.Report(0.9);

        var resultKey = kind == JobKind.PrivacyMetrics ? ResultKeys.PrivacyMetrics : ResultKeys.SignalMetrics;
        var order = evaluation.Inputs.Tables.Select((t, i) => (t.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        foreach (var (table, fileName, json) in files)
        {
            await ResultOutput.WriteTextAsync(context, resultKey, table, order[table], fileName, json, cancellationToken).ConfigureAwait(false);
        }

        await ResultOutput.WriteRunMetadataAsync(context, evaluation.Seed, cancellationToken).ConfigureAwait(false);
        progress.Report(1);
    }

    /// <summary>The evaluator's tables (every table but the time series) and links.</summary>
    public static (List<MultiTableEvaluationTable> Tables, List<MultiTableEvaluationLink> Links) Evaluated(MultiTableEvaluationInputs evaluation)
    {
        var inputs = evaluation.Inputs;
        var tables = inputs.Tables
            .Where(t => !inputs.IsTimeSeries(t.Name))
            .Select(t => new MultiTableEvaluationTable(t.Name, t.Data, evaluation.Avatars[t.Name], t.PrimaryKey, t.ForeignKeys, evaluation.IsPaired(t.Name)))
            .ToList();
        var links = inputs.Links
            .Where(l => !l.IsTimeSeries)
            .Select(l => new MultiTableEvaluationLink(l.ParentTable, l.ParentField, l.ChildTable, l.ChildField))
            .ToList();
        return (tables, links);
    }

    /// <summary>The privacy options of a table: its <c>privacy_metrics</c> entry, then its avatarization's ncp and imputation.</summary>
    public static PrivacyMetricsOptions PrivacyOptions(MultiTableEvaluationInputs evaluation, ParametersDocument parameters, string table) =>
        EvaluationInputs.PrivacyOptions(
            parameters.Spec.PrivacyMetrics?.GetValueOrDefault(table),
            evaluation.Avatarization?.Spec.Avatarization?.GetValueOrDefault(table),
            evaluation.Inputs[table].KeyColumns,
            evaluation.Seed);

    private static List<(string Table, string FileName, string Json)> Privacy(MultiTableEvaluationInputs evaluation, ParametersDocument parameters, CancellationToken cancellationToken)
    {
        var (tables, links) = Evaluated(evaluation);
        var files = MultiTableEvaluator.EvaluatePrivacy(tables, links, t => PrivacyOptions(evaluation, parameters, t), cancellationToken)
            .Select(e => (e.TableName, e.FileName(ResultFileNames.Escape(e.TableName)), e.ToJson()))
            .ToList();
        foreach (var series in SeriesTables(evaluation))
        {
            var (original, avatars) = SeriesPrivacyPairs.Pair(series.Encoding, series.Parent.Data[series.ParentKey], evaluation.Avatars[series.Name], evaluation.Avatars[series.Parent.Name][series.ParentKey]);
            var options = PrivacyOptions(evaluation, parameters, series.Name) with { IgnoredColumns = [], KnownVariables = null, Target = null, CategoricalHiddenRateVariables = null };
            var report = PrivacyEvaluator.EvaluateAll(original, avatars, paired: true, options, cancellationToken);
            var entry = new MultiTablePrivacyEntry(series.Name, PrivacyComputationType.Standalone, null, report);
            files.Add((series.Name, entry.FileName(ResultFileNames.Escape(series.Name)), entry.ToJson()));
        }

        return files;
    }

    private static List<(string Table, string FileName, string Json)> Signal(MultiTableEvaluationInputs evaluation, CancellationToken cancellationToken)
    {
        var (tables, links) = Evaluated(evaluation);
        var files = MultiTableEvaluator.EvaluateSignal(tables, links, _ => new SignalMetricsOptions(), cancellationToken)
            .Select(e => (e.TableName, e.FileName(ResultFileNames.Escape(e.TableName)), e.ToJson()))
            .ToList();
        foreach (var series in SeriesTables(evaluation))
        {
            var table = evaluation.Inputs[series.Name];
            var result = TimeSeriesEvaluation.Evaluate(table.Data, evaluation.Avatars[series.Name], series.Link.ChildField, table.TimeColumn!, series.Excluded, series.Encoding.Settings);
            files.Add((series.Name, ResultFileNames.Signal(series.Name), TimeSeriesEvaluation.ToJson(result, series.Name)));
        }

        return files;
    }

    /// <summary>Every time-series table with its parent and the encoding of its original series (as the standard job made it).</summary>
    private static IEnumerable<SeriesTable> SeriesTables(MultiTableEvaluationInputs evaluation)
    {
        var inputs = evaluation.Inputs;
        foreach (var link in inputs.Links.Where(l => l.IsTimeSeries))
        {
            var table = inputs[link.ChildTable];
            var excluded = table.KeyColumns.Where(k => k != link.ChildField).ToList();
            var settings = MultiTableSettings.TimeSeries(evaluation.Avatarization?.Spec.TimeSeries?.GetValueOrDefault(link.ChildTable)) ?? new TimeSeriesSettings();
            var encoding = TimeSeriesEncoder.Encode(table.Data, link.ChildField, table.TimeColumn!, excluded, link.ChildTable + "__", settings);
            yield return new SeriesTable(link.ChildTable, link, inputs[link.ParentTable], link.ParentField, excluded, encoding);
        }
    }

    private sealed record SeriesTable(string Name, Engine.MultiTable.Pipeline.MultiTableLink Link, SchemaTable Parent, string ParentKey, IReadOnlyList<string> Excluded, TimeSeriesEncoding Encoding);
}
