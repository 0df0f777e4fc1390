namespace Avatars.Engine.MultiTable.Evaluation;

/// <summary>
/// How the signal metrics of one table of a multi-table evaluation are computed (docs/multi-table-metrics.md; project
/// design, not vendor parity). Wire names: <see cref="ComputationTypeNames.ToWireName(SignalComputationType)"/>.
/// </summary>
public enum SignalComputationType
{
    /// <summary><c>standalone</c>: the table's own variables, as for a single table.</summary>
    Standalone,

    /// <summary><c>to_top_enriched</c>: a parent enriched with aggregates of its children.</summary>
    ToTopEnriched,

    /// <summary><c>to_bottom_information_propagated</c>: a child joined with its parent's variables (one per parent link).</summary>
    ToBottomInformationPropagated,
}
