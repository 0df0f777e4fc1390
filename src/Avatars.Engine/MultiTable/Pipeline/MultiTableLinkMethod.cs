namespace Avatars.Engine.MultiTable.Pipeline;

/// <summary>
/// How the children of a link get their parent avatar: the vendor's <c>LinkMethod</c> values, in the same order.
/// The first three re-link child avatars with <see cref="Relinking.ChildRelinker"/>; <see cref="TimeSeries"/> marks
/// a time-series child, which is not avatarized itself but rebuilt from its parent avatar.
/// </summary>
public enum MultiTableLinkMethod
{
    /// <summary>Minimal total distance assignment (<c>linear_sum_assignment</c>, the default).</summary>
    LinearSumAssignment = 0,

    /// <summary>Greedy nearest parent with remaining capacity (<c>minimum_distance_assignment</c>).</summary>
    MinimumDistanceAssignment = 1,

    /// <summary>Original order (<c>sensitive_original_order_assignment</c>): a privacy breach, for evaluation only.</summary>
    SensitiveOriginalOrderAssignment = 2,

    /// <summary>A time-series child (<c>time_series</c>).</summary>
    TimeSeries = 3,
}
