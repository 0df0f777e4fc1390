using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Avatars.Engine.Metrics.Signal;

namespace Avatars.Engine.MultiTable.Evaluation;

/// <summary>
/// The signal metrics of one table for one computation type (<see cref="MultiTableEvaluator.EvaluateSignal"/>).
/// Serialises like the single-table <c>&lt;table&gt;.signal.json</c> with <c>metadata.computation_type</c> and
/// <c>metadata.reference</c> set.
/// </summary>
public sealed class MultiTableSignalEntry
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Creates an entry.</summary>
    /// <param name="tableName">The evaluated table.</param>
    /// <param name="computationType">How the metrics were computed.</param>
    /// <param name="reference">The parent table of a <c>to_bottom_information_propagated</c> entry; null otherwise.</param>
    /// <param name="metrics">The metrics.</param>
    public MultiTableSignalEntry(string tableName, SignalComputationType computationType, string? reference, SignalMetrics metrics)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        ArgumentNullException.ThrowIfNull(metrics);
        TableName = tableName;
        ComputationType = computationType;
        Reference = reference;
        Metrics = metrics;
    }

    /// <summary>The evaluated table (<c>metadata.table_name</c>).</summary>
    public string TableName { get; }

    /// <summary>How the metrics were computed (<c>metadata.computation_type</c>).</summary>
    public SignalComputationType ComputationType { get; }

    /// <summary>The parent table of a <c>to_bottom_information_propagated</c> entry (<c>metadata.reference</c>); null otherwise.</summary>
    public string? Reference { get; }

    /// <summary>The metrics (for <c>to_bottom_information_propagated</c> the variables include the parent's, named <c>&lt;parent&gt;.&lt;column&gt;</c>).</summary>
    public SignalMetrics Metrics { get; }

    /// <summary>The JSON object: the single-table signal object with <c>metadata</c> {table_name, computation_type, reference}.</summary>
    public JsonObject ToJsonObject()
    {
        var json = Metrics.ToJsonObject();
        json["metadata"] = new JsonObject
        {
            ["table_name"] = TableName,
            ["computation_type"] = ComputationTypeNames.ToWireName(ComputationType),
            ["reference"] = Reference,
        };
        return json;
    }

    /// <summary>The JSON text of <see cref="ToJsonObject"/> (targets written as <c>"&lt; 0.1"</c>, like the single-table file).</summary>
    /// <param name="indented">Pretty-prints when true.</param>
    public string ToJson(bool indented = true) => ToJsonObject().ToJsonString(indented ? Indented : Compact);

    /// <summary>
    /// The result file name: <c>&lt;t&gt;.signal.json</c> for <c>standalone</c>, <c>&lt;t&gt;.to_top_enriched.signal.json</c>,
    /// <c>&lt;t&gt;.to_bottom_information_propagated.&lt;escaped reference&gt;.signal.json</c>.
    /// </summary>
    /// <param name="escapedTableName">The table name already escaped for file names (<see cref="Avatars.Data.TableNameEscaping.Escape"/>).</param>
    public string FileName(string escapedTableName) =>
        ComputationTypeNames.FileName(escapedTableName, ComputationTypeNames.ToWireName(ComputationType), Reference, "signal");

    /// <inheritdoc />
    public override string ToString() => FileName(Avatars.Data.TableNameEscaping.Escape(TableName));
}
