namespace Avatars.Engine.MultiTable.Relinking;

/// <summary>
/// How the children of a link get their parent avatar. The values mirror <c>Avatars.Config.LinkMethod</c> (same
/// names, same order; <c>Avatars.Engine</c> does not reference <c>Avatars.Config</c>, so the server maps one onto the
/// other). <see cref="ChildRelinker"/> applies the first three; a <see cref="TimeSeries"/> child is not re-linked but
/// rebuilt from its parent's avatars by the multi-table pipeline.
/// </summary>
public enum RelinkMethod
{
    /// <summary>
    /// The exact minimum-total-distance assignment over parent slots (vendor <c>LINEAR_SUM_ASSIGNMENT</c>); falls
    /// back to <see cref="MinimumDistanceAssignment"/> above <c>AssignmentOptions.MaxExactRows</c> children.
    /// </summary>
    LinearSumAssignment = 0,

    /// <summary>
    /// Greedy: children in index order, each to its nearest parent avatar with remaining capacity (vendor
    /// <c>MINIMUM_DISTANCE_ASSIGNMENT</c>).
    /// </summary>
    MinimumDistanceAssignment = 1,

    /// <summary>
    /// Keeps the original order: the first <c>counts[0]</c> children go to parent 0, the next <c>counts[1]</c> to
    /// parent 1, and so on (vendor <c>SENSITIVE_ORIGINAL_ORDER_ASSIGNMENT</c>). A major privacy breach when the
    /// avatars are unshuffled, since it reproduces the original links; allowed only for unshuffled evaluation.
    /// </summary>
    SensitiveOriginalOrderAssignment = 2,

    /// <summary>A time-series child (vendor <c>TIME_SERIES</c>): rebuilt from its parent, never re-linked.</summary>
    TimeSeries = 3,
}
