namespace Avatars.Engine.MultiTable.Assignment;

/// <summary>
/// The greedy "minimum distance" assignment: rows are taken in index order (0, 1, …) and each takes the column of
/// lowest cost among those with remaining capacity (lowest column index on ties).
/// </summary>
/// <remarks>
/// This is octopize-linkage's <c>min_order</c> greedy and the vendor's <c>MINIMUM_DISTANCE_ASSIGNMENT</c> as
/// described in method.md §5.2: cheap (O(r·c) time, O(c) memory besides the matrix) but not optimal — its total
/// cost is at least the <see cref="LinearSumAssignment"/> optimum, and late rows may get far columns. It is
/// deterministic: a pure function of the matrix and the capacities.
/// </remarks>
public static class GreedyAssignment
{
    /// <summary>Assigns each row a distinct column (every column has capacity 1).</summary>
    /// <param name="cost">The cost of giving column <c>j</c> to row <c>i</c> at <c>[i, j]</c>; rows ≤ columns.</param>
    /// <returns>The column of each row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cost"/> is null.</exception>
    /// <exception cref="ArgumentException">A cost is NaN or infinite, or there are more rows than columns.</exception>
    public static int[] Solve(double[,] cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        return Solve(CostMatrixGuard.RowMajor(cost), cost.GetLength(0), cost.GetLength(1));
    }

    /// <summary>Assigns each row a distinct column (every column has capacity 1).</summary>
    /// <param name="cost">Row-major costs, <paramref name="rows"/> × <paramref name="columns"/>.</param>
    /// <param name="rows">The number of rows (at most <paramref name="columns"/>).</param>
    /// <param name="columns">The number of columns.</param>
    /// <returns>The column of each row.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative.</exception>
    /// <exception cref="ArgumentException">The buffer length is wrong, a cost is NaN or infinite, or rows &gt; columns.</exception>
    public static int[] Solve(ReadOnlySpan<double> cost, int rows, int columns)
    {
        CostMatrixGuard.Matrix(cost, rows, columns, nameof(cost));
        CostMatrixGuard.RowsNotAboveColumns(rows, columns, nameof(cost));
        var capacities = new int[columns];
        Array.Fill(capacities, 1);
        return SolveValidated(cost, rows, capacities);
    }

    /// <summary>
    /// Assigns each row a column, column <c>j</c> taking at most <c>capacities[j]</c> rows — e.g. child avatars to
    /// parent avatars, each parent taking as many children as its avatarized child count.
    /// </summary>
    /// <param name="cost">Row-major costs, <paramref name="rows"/> × <c>capacities.Length</c>.</param>
    /// <param name="rows">The number of rows.</param>
    /// <param name="capacities">The capacity of each column (at least 0; adding up to at least <paramref name="rows"/>).</param>
    /// <returns>The column of each row.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative.</exception>
    /// <exception cref="ArgumentException">
    /// The buffer length is wrong, a cost is NaN or infinite, a capacity is negative, or the capacities add up to
    /// fewer than <paramref name="rows"/>.
    /// </exception>
    public static int[] Solve(ReadOnlySpan<double> cost, int rows, ReadOnlySpan<int> capacities)
    {
        CostMatrixGuard.Matrix(cost, rows, capacities.Length, nameof(cost));
        CostMatrixGuard.Capacities(capacities, rows, nameof(capacities));
        return SolveValidated(cost, rows, capacities.ToArray());
    }

    /// <summary>The greedy pass proper; consumes <paramref name="remaining"/> (the capacities).</summary>
    internal static int[] SolveValidated(ReadOnlySpan<double> cost, int rows, int[] remaining)
    {
        int columns = remaining.Length;
        var result = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            ReadOnlySpan<double> row = cost.Slice(i * columns, columns);
            int best = -1;
            double bestCost = double.PositiveInfinity;
            for (int j = 0; j < columns; j++)
            {
                if (remaining[j] > 0 && (best < 0 || row[j] < bestCost))
                {
                    best = j;
                    bestCost = row[j];
                }
            }

            // best ≥ 0: the validated capacities add up to at least rows.
            remaining[best]--;
            result[i] = best;
        }

        return result;
    }
}
