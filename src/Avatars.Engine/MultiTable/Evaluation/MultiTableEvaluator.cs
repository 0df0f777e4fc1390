using System.Text.Json.Nodes;
using Avatars.Engine.Metrics.Privacy;
using Avatars.Engine.Metrics.Signal;

namespace Avatars.Engine.MultiTable.Evaluation;

/// <summary>
/// Privacy and signal metrics of a multi-table avatarization, per table and computation type (method.md §5.2;
/// definitions in docs/multi-table-metrics.md — <b>project design, not vendor parity</b>). Entries come in table order;
/// per table: <c>standalone</c>, then <c>to_top_enriched</c> (when the table is the parent of a link), then one
/// <c>to_bottom_*</c> entry per link to a parent, in link order. Key columns (primary key, foreign keys, link fields)
/// are never variables of any metric.
/// </summary>
public static class MultiTableEvaluator
{
    /// <summary>
    /// Computes the privacy entries: <c>standalone</c> (<see cref="PrivacyEvaluator.EvaluateAll"/> on the table's
    /// variables), <c>to_top_enriched</c> (the parent enriched with aggregates of its children, originals from original
    /// children and avatars from avatar children, evaluated like the parent) and <c>to_bottom_id_propagated</c> (the
    /// child's variables with its parent individual as identity; reference = the parent table).
    /// </summary>
    /// <param name="tables">The tables (unique names).</param>
    /// <param name="links">The parent–child links.</param>
    /// <param name="optionsForTable">The privacy settings of a table (by name); the keys are added to its ignored columns.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>The entries in the documented order.</returns>
    /// <exception cref="ArgumentException">
    /// A table or link is invalid: unknown table in a link, missing key column, original and avatar columns differ, a
    /// paired table with different row counts, a missing or duplicate parent key, a foreign key (original or avatar) not
    /// found among the parent's keys (the message names the table, the column and an example value).
    /// </exception>
    /// <exception cref="Avatars.Engine.Avatarization.AvatarizationException">A metric cannot be computed (e.g. too few rows).</exception>
    public static IReadOnlyList<MultiTablePrivacyEntry> EvaluatePrivacy(
        IReadOnlyList<MultiTableEvaluationTable> tables,
        IReadOnlyList<MultiTableEvaluationLink> links,
        Func<string, PrivacyMetricsOptions> optionsForTable,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(optionsForTable);
        var schema = EvaluationSchema.Build(tables, links);
        PrivacyMetricsOptions Options(string name) => optionsForTable(name) ?? new PrivacyMetricsOptions();
        IEnumerable<string> Ignored(string name) => Options(name).IgnoredColumns;

        var entries = new List<MultiTablePrivacyEntry>();
        foreach (var table in schema.Tables)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var options = Options(table.Name);
            var ownOptions = options with { IgnoredColumns = table.IgnoredWithKeys(options.IgnoredColumns) };
            var standalone = PrivacyEvaluator.EvaluateAll(table.Original, table.Avatars, table.Paired, ownOptions, cancellationToken);
            entries.Add(new MultiTablePrivacyEntry(table.Name, PrivacyComputationType.Standalone, null, standalone));

            if (schema.ChildLinksOf(table.Name).Any())
            {
                var (original, avatars) = EvaluationTables.EnrichParent(schema, table.Name, Ignored);
                var report = PrivacyEvaluator.EvaluateAll(original, avatars, table.Paired, ownOptions, cancellationToken);
                entries.Add(new MultiTablePrivacyEntry(table.Name, PrivacyComputationType.ToTopEnriched, null, report));
            }

            foreach (var link in schema.ParentLinksOf(table.Name))
            {
                entries.Add(IdPropagated(schema, table, link, standalone, ownOptions, cancellationToken));
            }
        }

        return entries;
    }

    /// <summary>
    /// Computes the signal entries: <c>standalone</c> (<see cref="SignalEvaluator.Evaluate"/> on the table's variables),
    /// <c>to_top_enriched</c> (the enriched parents, as for privacy) and <c>to_bottom_information_propagated</c> (the
    /// child joined with its parent's variables, named <c>&lt;parent&gt;.&lt;column&gt;</c>, so that the correlation
    /// difference covers parent–child pairs; reference = the parent table).
    /// </summary>
    /// <param name="tables">The tables (unique names).</param>
    /// <param name="links">The parent–child links.</param>
    /// <param name="optionsForTable">The signal settings of a table (by name); the keys are added to its ignored columns.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>The entries in the documented order.</returns>
    /// <exception cref="ArgumentException">A table or link is invalid (see <see cref="EvaluatePrivacy"/>).</exception>
    /// <exception cref="Avatars.Engine.Avatarization.AvatarizationException">A metric cannot be computed (e.g. an empty table).</exception>
    public static IReadOnlyList<MultiTableSignalEntry> EvaluateSignal(
        IReadOnlyList<MultiTableEvaluationTable> tables,
        IReadOnlyList<MultiTableEvaluationLink> links,
        Func<string, SignalMetricsOptions> optionsForTable,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(optionsForTable);
        var schema = EvaluationSchema.Build(tables, links);
        SignalMetricsOptions Options(string name) => optionsForTable(name) ?? new SignalMetricsOptions();
        IEnumerable<string> Ignored(string name) => Options(name).IgnoredColumns ?? [];

        var entries = new List<MultiTableSignalEntry>();
        foreach (var table in schema.Tables)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var options = Options(table.Name);
            var ownOptions = options with { IgnoredColumns = table.IgnoredWithKeys(options.IgnoredColumns ?? []) };
            var standalone = SignalEvaluator.Evaluate(table.Original, table.Avatars, ownOptions, cancellationToken);
            entries.Add(new MultiTableSignalEntry(table.Name, SignalComputationType.Standalone, null, standalone));

            if (schema.ChildLinksOf(table.Name).Any())
            {
                var (original, avatars) = EvaluationTables.EnrichParent(schema, table.Name, Ignored);
                var metrics = SignalEvaluator.Evaluate(original, avatars, ownOptions, cancellationToken);
                entries.Add(new MultiTableSignalEntry(table.Name, SignalComputationType.ToTopEnriched, null, metrics));
            }

            foreach (var link in schema.ParentLinksOf(table.Name))
            {
                var (original, avatars) = EvaluationTables.JoinParent(schema, link, Ignored);
                var metrics = SignalEvaluator.Evaluate(original, avatars, ownOptions, cancellationToken);
                entries.Add(new MultiTableSignalEntry(table.Name, SignalComputationType.ToBottomInformationPropagated, link.ParentTable, metrics));
            }
        }

        return entries;
    }

    private static MultiTablePrivacyEntry IdPropagated(EvaluationSchema schema, EvaluationTableData child, MultiTableEvaluationLink link, PrivacyMetricsReport standalone, PrivacyMetricsOptions options, CancellationToken cancellationToken)
    {
        var parent = schema[link.ParentTable];
        var individuals = EvaluationSchema.ParentRowOfChild(link, parent.Original, child.Original);
        var individualCount = individuals.Distinct().Count();
        var details = new JsonObject
        {
            ["id_propagation"] = new JsonObject
            {
                ["parent_table"] = link.ParentTable,
                ["parent_field"] = link.ParentField,
                ["child_field"] = link.ChildField,
                ["individual_count"] = individualCount,
                ["reference"] = "project design, not vendor parity",
            },
        };
        if (!child.Paired)
        {
            ((JsonObject)details["id_propagation"]!)["note"] =
                "The table is not paired (avatar row i is not the avatar of original row i): the id-propagated hidden rate and local cloaking are undefined (null); the unpaired metrics are the standalone ones.";
            return new MultiTablePrivacyEntry(child.Name, PrivacyComputationType.ToBottomIdPropagated, link.ParentTable, standalone, details);
        }

        var (originals, avatars, ncp) = PrivacyEvaluator.ProjectBoth(child.Original, child.Avatars, options, cancellationToken);
        var (hidden, cloaking) = IdPropagatedPrivacy.Compute(originals.Data, avatars.Data, ncp, individuals, cancellationToken);
        details["hidden_rate"] = new JsonObject { ["hit_count"] = hidden.HitCount, ["definition"] = "avatars whose nearest original belongs to another individual" };
        details["local_cloaking"] = new JsonObject
        {
            ["empty_rate"] = cloaking.EmptyRate,
            ["count_cap"] = LocalCloaking.DefaultCountCap,
            ["definition"] = "median number of originals of other individuals at least as close to the avatar as the closest original of its own individual",
        };
        var report = standalone with
        {
            HiddenRate = hidden,
            LocalCloaking = cloaking,
            ColumnDirectMatch = null,
            CategoricalHiddenRate = null,
            CorrelationProtection = null,
            Inference = null,
        };
        return new MultiTablePrivacyEntry(child.Name, PrivacyComputationType.ToBottomIdPropagated, link.ParentTable, report, details);
    }
}
