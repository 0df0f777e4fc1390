namespace Avatars.Engine.MultiTable.Assignment;

/// <summary>
/// Runs the assignment chosen by <see cref="AssignmentOptions"/>: the exact <see cref="LinearSumAssignment"/> up to
/// <see cref="AssignmentOptions.MaxExactRows"/> rows, the greedy <see cref="GreedyAssignment"/> above it or when
/// asked for; the result says which ran.
/// </summary>
public static class AssignmentSolver
{
    /// <summary>Assigns each row a distinct column.</summary>
    /// <param name="cost">Row-major costs, <paramref name="rows"/> × <paramref name="columns"/>.</param>
    /// <param name="rows">The number of rows (at most <paramref name="columns"/>).</param>
    /// <param name="columns">The number of columns.</param>
    /// <param name="options">The method and size limit; defaults when null.</param>
    /// <returns>The column of each row, the method used and the total cost.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size or an option is out of range.</exception>
    /// <exception cref="ArgumentException">The buffer length is wrong, a cost is NaN or infinite, or rows &gt; columns.</exception>
    public static AssignmentResult Solve(ReadOnlySpan<double> cost, int rows, int columns, AssignmentOptions? options = null)
    {
        options ??= new AssignmentOptions();
        CostMatrixGuard.Matrix(cost, rows, columns, nameof(cost));
        CostMatrixGuard.RowsNotAboveColumns(rows, columns, nameof(cost));
        AssignmentMethod method = options.MethodFor(rows);

        int[] assigned;
        if (method == AssignmentMethod.LinearSumAssignment)
        {
            assigned = LinearSumAssignment.SolveValidated(cost, rows, columns);
        }
        else
        {
            var capacities = new int[columns];
            Array.Fill(capacities, 1);
            assigned = GreedyAssignment.SolveValidated(cost, rows, capacities);
        }

        return new AssignmentResult(assigned, method, TotalCost(cost, columns, assigned), options.Method);
    }

    /// <summary>Assigns each row a distinct column of a 2-D cost matrix.</summary>
    /// <param name="cost">The cost of giving column <c>j</c> to row <c>i</c> at <c>[i, j]</c>; rows ≤ columns.</param>
    /// <param name="options">The method and size limit; defaults when null.</param>
    /// <returns>The column of each row, the method used and the total cost.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cost"/> is null.</exception>
    /// <exception cref="ArgumentException">A cost is NaN or infinite, or rows &gt; columns.</exception>
    public static AssignmentResult Solve(double[,] cost, AssignmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cost);
        return Solve(CostMatrixGuard.RowMajor(cost), cost.GetLength(0), cost.GetLength(1), options);
    }

    /// <summary>
    /// Assigns each row (child avatar) a column (parent avatar) taking at most <c>capacities[j]</c> rows (its
    /// avatarized child count). The exact method solves the slot problem of <see cref="CapacitySlots"/> (each
    /// parent replicated by its capacity, r × Σ capacities costs in memory); the greedy one works on the capacities
    /// directly and gives the same result as greedy over the slots.
    /// </summary>
    /// <param name="cost">Row-major costs, <paramref name="rows"/> × <c>capacities.Length</c> (child × parent).</param>
    /// <param name="rows">The number of rows.</param>
    /// <param name="capacities">The capacity of each column (at least 0; adding up to at least <paramref name="rows"/>).</param>
    /// <param name="options">The method and size limit; defaults when null.</param>
    /// <returns>The column (parent index) of each row, the method used and the total cost.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size or an option is out of range.</exception>
    /// <exception cref="ArgumentException">
    /// The buffer length is wrong, a cost is NaN or infinite, a capacity is negative, or the capacities add up to
    /// fewer than <paramref name="rows"/>.
    /// </exception>
    public static AssignmentResult SolveWithCapacities(ReadOnlySpan<double> cost, int rows, ReadOnlySpan<int> capacities, AssignmentOptions? options = null)
    {
        options ??= new AssignmentOptions();
        int columns = capacities.Length;
        CostMatrixGuard.Matrix(cost, rows, columns, nameof(cost));
        CostMatrixGuard.Capacities(capacities, rows, nameof(capacities));
        AssignmentMethod method = options.MethodFor(rows);

        int[] assigned;
        if (method == AssignmentMethod.LinearSumAssignment)
        {
            int[] owners = CapacitySlots.Owners(capacities);
            double[] slots = CapacitySlots.Expand(cost, rows, columns, owners);
            int[] slotOfRow = LinearSumAssignment.SolveValidated(slots, rows, owners.Length);
            assigned = new int[rows];
            for (int i = 0; i < rows; i++)
            {
                assigned[i] = owners[slotOfRow[i]];
            }
        }
        else
        {
            assigned = GreedyAssignment.SolveValidated(cost, rows, capacities.ToArray());
        }

        return new AssignmentResult(assigned, method, TotalCost(cost, columns, assigned), options.Method);
    }

    /// <summary>The sum of <c>cost[i, columns[i]]</c> over rows, for a row-major matrix.</summary>
    /// <param name="cost">Row-major costs with <paramref name="columns"/> columns.</param>
    /// <param name="columns">The number of columns.</param>
    /// <param name="assigned">The column of each row.</param>
    /// <returns>The total cost.</returns>
    /// <exception cref="ArgumentException">An assigned column is out of range or the buffer is too short.</exception>
    public static double TotalCost(ReadOnlySpan<double> cost, int columns, IReadOnlyList<int> assigned)
    {
        ArgumentNullException.ThrowIfNull(assigned);
        double total = 0;
        for (int i = 0; i < assigned.Count; i++)
        {
            int j = assigned[i];
            long k = ((long)i * columns) + j;
            if ((uint)j >= (uint)columns || k >= cost.Length)
            {
                throw new ArgumentException($"Row {i} is assigned column {j}, outside the {columns}-column cost matrix.", nameof(assigned));
            }

            total += cost[(int)k];
        }

        return total;
    }
}
