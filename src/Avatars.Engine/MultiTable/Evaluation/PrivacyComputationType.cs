namespace Avatars.Engine.MultiTable.Evaluation;

/// <summary>
/// How the privacy metrics of one table of a multi-table evaluation are computed (docs/multi-table-metrics.md; project
/// design, not vendor parity). Wire names: <see cref="ComputationTypeNames.ToWireName(PrivacyComputationType)"/>.
/// </summary>
public enum PrivacyComputationType
{
    /// <summary><c>standalone</c>: the table's own variables, as for a single table.</summary>
    Standalone,

    /// <summary><c>to_bottom_id_propagated</c>: a child's own variables, the identity being its parent individual (one per parent link).</summary>
    ToBottomIdPropagated,

    /// <summary><c>to_top_enriched</c>: a parent enriched with aggregates of its children.</summary>
    ToTopEnriched,
}
