using Avatars.Engine.MultiTable.Assignment;

namespace Avatars.Engine.MultiTable.Relinking;

/// <summary>The outcome of <see cref="ChildRelinker.Relink"/>: the parent avatar of each child avatar.</summary>
public sealed class RelinkResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="parentOfChild">The parent-avatar row index of each child-avatar row; owned by the result.</param>
    /// <param name="method">The method actually used.</param>
    /// <param name="requestedMethod">The method asked for.</param>
    /// <param name="totalDistance">The sum over children of the distance to their parent in the projection.</param>
    public RelinkResult(int[] parentOfChild, RelinkMethod method, RelinkMethod requestedMethod, double totalDistance)
    {
        ArgumentNullException.ThrowIfNull(parentOfChild);
        ParentOfChild = parentOfChild;
        Method = method;
        RequestedMethod = requestedMethod;
        TotalDistance = totalDistance;
    }

    /// <summary><c>ParentOfChild[i]</c> is the row index, in the parent avatars table, of child avatar <c>i</c>'s parent.</summary>
    public IReadOnlyList<int> ParentOfChild { get; }

    /// <summary>
    /// The method actually used: <see cref="RelinkMethod.MinimumDistanceAssignment"/> when
    /// <see cref="RelinkMethod.LinearSumAssignment"/> was asked for but the children exceeded
    /// <see cref="AssignmentOptions.MaxExactRows"/>.
    /// </summary>
    public RelinkMethod Method { get; }

    /// <summary>The method asked for.</summary>
    public RelinkMethod RequestedMethod { get; }

    /// <summary>True when the exact method was asked for and the greedy one ran instead.</summary>
    public bool FellBack => Method != RequestedMethod;

    /// <summary>The sum over children of the Euclidean distance to their parent avatar in the projection.</summary>
    public double TotalDistance { get; }
}
