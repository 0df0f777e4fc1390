namespace Avatars.Engine.MultiTable.Assignment;

/// <summary>
/// How child avatars are re-linked to parent-avatar slots (method.md §5.2 step 3; the vendor's <c>LinkMethod</c>
/// names <c>LINEAR_SUM_ASSIGNMENT</c> and <c>MINIMUM_DISTANCE_ASSIGNMENT</c>).
/// </summary>
public enum AssignmentMethod
{
    /// <summary>
    /// The exact minimum-total-cost assignment (<see cref="Assignment.LinearSumAssignment"/>): O(r²·c) time,
    /// O(r·c) memory for the cost matrix.
    /// </summary>
    LinearSumAssignment = 0,

    /// <summary>
    /// The greedy assignment (<see cref="GreedyAssignment"/>): rows in index order, each takes its nearest column
    /// with remaining capacity. O(r·c) time; the total cost is at least the optimum.
    /// </summary>
    MinimumDistance = 1,
}
