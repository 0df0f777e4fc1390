using System.Globalization;
using System.Text.Json.Nodes;
using Avatars.Config;
using Avatars.Engine.Metrics.Signal;
using Avatars.Engine.MultiTable.Evaluation;
using Avatars.Engine.Reporting.Evaluation;
using Avatars.Engine.Reporting.Plots;
using Avatars.Engine.Reporting.Report;

namespace Avatars.Server.Jobs.Runners.MultiTable;

/// <summary>
/// The report of a multi-table avatarization: each table's own evaluation (metrics and figures, as a single-table
/// report shows them, grouped under the table's name) and one table of every metric by computation type.
/// </summary>
internal static class MultiTableReport
{
    /// <summary>Builds the report content.</summary>
    /// <param name="evaluation">The originals and the standard job's avatars.</param>
    /// <param name="privacyParameters">The privacy metrics parameters (their per-table settings).</param>
    /// <param name="context">The title and run facts.</param>
    /// <param name="progress">Receives the completed share.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    public static ReportContent Build(MultiTableEvaluationInputs evaluation, ParametersDocument privacyParameters, ReportContext context, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var inputs = evaluation.Inputs;
        var (tables, links) = MultiTableMetricsRun.Evaluated(evaluation);
        var parts = new List<(string Table, ReportContent Content)>();
        for (var i = 0; i < tables.Count; i++)
        {
            var table = tables[i];
            var keys = inputs[table.Name].KeyColumns;
            var own = table.Original.ColumnNames.Where(c => !keys.Contains(c, StringComparer.Ordinal)).ToArray();
            var options = new EvaluationOptions
            {
                Paired = table.Paired,
                Figures = true,
                Privacy = MultiTableMetricsRun.PrivacyOptions(evaluation, privacyParameters, table.Name) with { IgnoredColumns = [] },
                Signal = new SignalMetricsOptions(),
                Plots = PlotOptions.Default with { Seed = AvatarizationSettings.ToSeed(evaluation.Seed) ?? 0 },
            };
            var result = AvatarEvaluator.Evaluate(table.Original.Select(own), table.Avatars.Select(own).WithName(table.Name), options, cancellationToken: cancellationToken);
            parts.Add((table.Name, ReportContentBuilder.Build(result, context with { Parameters = Parameters(evaluation, table.Name, table.Paired) })));
            progress.Report(0.7 * (i + 1) / tables.Count);
        }

        var privacy = MultiTableEvaluator.EvaluatePrivacy(tables, links, t => MultiTableMetricsRun.PrivacyOptions(evaluation, privacyParameters, t), cancellationToken);
        var signal = MultiTableEvaluator.EvaluateSignal(tables, links, _ => new SignalMetricsOptions(), cancellationToken);
        progress.Report(0.9);

        var first = parts[0].Content;
        var names = string.Join(", ", inputs.Tables.Select(t => t.Name));
        return first with
        {
            Title = "Multi-table avatarization report",
            DatasetName = names,
            RowCount = inputs.Tables.Sum(t => (long)t.Data.RowCount),
            ColumnCount = inputs.Tables.Sum(t => t.Data.ColumnCount),
            Parameters = [.. parts.SelectMany(p => p.Content.Parameters)],
            Metrics = [.. parts.SelectMany(p => p.Content.Metrics.Select(m => m with { Group = $"{m.Group} · {p.Table}" }))],
            Figures = [.. parts.SelectMany(p => p.Content.Figures.Select(f => f with { Title = $"{p.Table}: {f.Title}" }))],
            Tables = [ComputationTable(privacy, signal), .. parts.SelectMany(p => p.Content.Tables.Select(t => t with { Title = $"{p.Table}: {t.Title}" }))],
            Warnings =
            [
                $"Multi-table avatarization of {names}: project design (enrichment, per-table avatarization, re-linking by assignment, new keys), not vendor parity; time-series tables are evaluated in their metrics files.",
                .. parts.SelectMany(p => p.Content.Warnings.Select(w => $"{p.Table}: {w}")),
            ],
        };
    }

    /// <summary>Every privacy and signal entry by table and computation type.</summary>
    private static ReportTable ComputationTable(IReadOnlyList<MultiTablePrivacyEntry> privacy, IReadOnlyList<MultiTableSignalEntry> signal)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var entry in privacy)
        {
            var json = entry.ToJsonObject();
            rows.Add([entry.TableName, "privacy", ComputationTypeNames.ToWireName(entry.ComputationType), entry.Reference ?? "", Number(json["hidden_rate"]), Number(json["local_cloaking"]), "", ""]);
        }

        foreach (var entry in signal)
        {
            var json = entry.ToJsonObject();
            rows.Add([entry.TableName, "signal", ComputationTypeNames.ToWireName(entry.ComputationType), entry.Reference ?? "", "", "", Number(json["hellinger_mean"]), Number(json["correlation_difference_ratio"])]);
        }

        return new ReportTable
        {
            Title = "Metrics by table and computation type",
            Caption = "standalone: the table alone; to_top_enriched: a parent with aggregates of its children; to_bottom_id_propagated: a child whose individual is its parent (reference); to_bottom_information_propagated: a child joined with its parent's variables (docs/multi-table-metrics.md).",
            Headers = ["Table", "Kind", "Computation", "Reference", "Hidden rate (%)", "Local cloaking", "Hellinger mean", "Correlation difference ratio"],
            Rows = rows,
        };
    }

    private static List<KeyValuePair<string, string>> Parameters(MultiTableEvaluationInputs evaluation, string table, bool paired)
    {
        var spec = evaluation.Avatarization?.Spec;
        var parameters = new List<KeyValuePair<string, string>>();
        if (spec?.Avatarization?.GetValueOrDefault(table) is { } a)
        {
            parameters.Add(new($"{table}: k", a.K?.ToString(CultureInfo.InvariantCulture) ?? "?"));
            parameters.Add(new($"{table}: ncp", a.Ncp?.ToString(CultureInfo.InvariantCulture) ?? "default"));
        }
        else if (spec?.AvatarizationDp?.GetValueOrDefault(table) is { } dp)
        {
            parameters.Add(new($"{table}: epsilon (differential privacy)", dp.Epsilon?.Value.ToString(CultureInfo.InvariantCulture) ?? "?"));
        }

        parameters.Add(new($"{table}: evaluation", paired ? "paired" : "unpaired (differential privacy)"));
        return parameters;
    }

    private static string Number(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<double>(out var number) ? number.ToString("0.###", CultureInfo.InvariantCulture) : "";
}
