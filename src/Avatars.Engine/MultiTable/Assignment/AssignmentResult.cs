namespace Avatars.Engine.MultiTable.Assignment;

/// <summary>The outcome of <see cref="AssignmentSolver"/>: the column of each row and how it was found.</summary>
public sealed class AssignmentResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="columns">The column (or parent, for capacity problems) of each row; owned by the result.</param>
    /// <param name="method">The method actually used.</param>
    /// <param name="totalCost">The sum of the assigned costs.</param>
    /// <param name="requestedMethod">The method the options asked for.</param>
    public AssignmentResult(int[] columns, AssignmentMethod method, double totalCost, AssignmentMethod requestedMethod)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = columns;
        Method = method;
        TotalCost = totalCost;
        RequestedMethod = requestedMethod;
    }

    /// <summary>
    /// <c>Columns[i]</c> is the column assigned to row <c>i</c>; for
    /// <see cref="AssignmentSolver.SolveWithCapacities"/> it is the parent (capacity) index.
    /// </summary>
    public IReadOnlyList<int> Columns { get; }

    /// <summary>The method actually used (the greedy one when the size limit was exceeded).</summary>
    public AssignmentMethod Method { get; }

    /// <summary>The method the options asked for.</summary>
    public AssignmentMethod RequestedMethod { get; }

    /// <summary>True when the exact method was asked for but the size limit made the greedy one run instead.</summary>
    public bool FellBack => Method != RequestedMethod;

    /// <summary>The sum over rows of the assigned cost.</summary>
    public double TotalCost { get; }
}
