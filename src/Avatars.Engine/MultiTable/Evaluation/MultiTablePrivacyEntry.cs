using System.Text.Json;
using System.Text.Json.Nodes;
using Avatars.Engine.Metrics.Privacy;

namespace Avatars.Engine.MultiTable.Evaluation;

/// <summary>
/// The privacy metrics of one table for one computation type (<see cref="MultiTableEvaluator.EvaluatePrivacy"/>).
/// Serialises like the single-table <c>&lt;table&gt;.privacy.json</c> with <c>metadata.computation_type</c> and
/// <c>metadata.reference</c> set.
/// </summary>
public sealed class MultiTablePrivacyEntry
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Creates an entry.</summary>
    /// <param name="tableName">The evaluated table.</param>
    /// <param name="computationType">How the metrics were computed.</param>
    /// <param name="reference">The parent table of a <c>to_bottom_id_propagated</c> entry; null otherwise.</param>
    /// <param name="report">The metrics.</param>
    public MultiTablePrivacyEntry(string tableName, PrivacyComputationType computationType, string? reference, PrivacyMetricsReport report)
        : this(tableName, computationType, reference, report, null)
    {
    }

    internal MultiTablePrivacyEntry(string tableName, PrivacyComputationType computationType, string? reference, PrivacyMetricsReport report, JsonObject? extraDetails)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        ArgumentNullException.ThrowIfNull(report);
        TableName = tableName;
        ComputationType = computationType;
        Reference = reference;
        Report = report;
        ExtraDetails = extraDetails;
    }

    /// <summary>The evaluated table (<c>metadata.table_name</c>).</summary>
    public string TableName { get; }

    /// <summary>How the metrics were computed (<c>metadata.computation_type</c>).</summary>
    public PrivacyComputationType ComputationType { get; }

    /// <summary>The parent table of a <c>to_bottom_id_propagated</c> entry (<c>metadata.reference</c>); null otherwise.</summary>
    public string? Reference { get; }

    /// <summary>
    /// The metrics. For <c>to_bottom_id_propagated</c>: <see cref="PrivacyMetricsReport.HiddenRate"/> and
    /// <see cref="PrivacyMetricsReport.LocalCloaking"/> are the id-propagated ones (per avatar; the local cloaking counts
    /// are in <see cref="LocalCloakingResult.AvatarCounts"/> and count <b>originals</b> of other individuals, its
    /// <see cref="LocalCloakingResult.RecordsMedian"/> is NaN), the other paired metrics are null and the unpaired ones
    /// are the table's standalone values (identity plays no part in them). Both are null for an unpaired table.
    /// </summary>
    public PrivacyMetricsReport Report { get; }

    /// <summary>Details added to the JSON <c>details</c> object (id propagation).</summary>
    internal JsonObject? ExtraDetails { get; }

    /// <summary>The JSON object: the single-table privacy object with <c>metadata</c> {table_name, computation_type, reference}.</summary>
    public JsonObject ToJsonObject()
    {
        var json = Report.ToJsonObject();
        json["metadata"] = new JsonObject
        {
            ["table_name"] = TableName,
            ["computation_type"] = ComputationTypeNames.ToWireName(ComputationType),
            ["reference"] = Reference,
        };
        if (ExtraDetails is not null && json["details"] is JsonObject details)
        {
            foreach (var (key, value) in ExtraDetails)
            {
                details[key] = value?.DeepClone();
            }
        }

        return json;
    }

    /// <summary>The JSON text of <see cref="ToJsonObject"/>, indented.</summary>
    public string ToJson() => ToJsonObject().ToJsonString(Indented);

    /// <summary>
    /// The result file name: <c>&lt;t&gt;.privacy.json</c> for <c>standalone</c>, <c>&lt;t&gt;.to_top_enriched.privacy.json</c>,
    /// <c>&lt;t&gt;.to_bottom_id_propagated.&lt;escaped reference&gt;.privacy.json</c>.
    /// </summary>
    /// <param name="escapedTableName">The table name already escaped for file names (<see cref="Avatars.Data.TableNameEscaping.Escape"/>).</param>
    public string FileName(string escapedTableName) =>
        ComputationTypeNames.FileName(escapedTableName, ComputationTypeNames.ToWireName(ComputationType), Reference, "privacy");

    /// <inheritdoc />
    public override string ToString() => FileName(Avatars.Data.TableNameEscaping.Escape(TableName));
}
