namespace Avatars.Engine.MultiTable.Assignment;

/// <summary>
/// The exact rectangular linear sum assignment: gives each of the <c>r</c> rows a distinct one of the <c>c ≥ r</c>
/// columns so that the total cost is minimal.
/// </summary>
/// <remarks>
/// <para>
/// Algorithm: shortest augmenting paths with dual potentials, the Jonker–Volgenant scheme without its
/// initialisation heuristics, as described by D. F. Crouse, "On implementing 2D rectangular assignment algorithms",
/// IEEE Trans. Aerospace and Electronic Systems 52(4), 2016 — the algorithm behind scipy's
/// <c>linear_sum_assignment</c>. Rows are added one at a time; for each, a Dijkstra-like search over reduced costs
/// <c>cost[i, j] − u[i] − v[j] ≥ 0</c> finds the cheapest augmenting path to a free column, then the potentials are
/// updated and the path is flipped. Time O(r²·c) (O(n³) for a square matrix), memory O(r + c) besides the
/// O(r·c) cost matrix. Costs may be negative; they must be finite.
/// </para>
/// <para>
/// Determinism: the result is a pure function of the matrix. Among columns at the same shortest distance, a free
/// column is preferred (ending the search early), and among several free ones the lowest index; so an all-equal
/// square matrix yields the identity. With ties, the assignment returned is one optimum among several.
/// </para>
/// </remarks>
public static class LinearSumAssignment
{
    /// <summary>Solves the assignment for a 2-D cost matrix.</summary>
    /// <param name="cost">The cost of giving column <c>j</c> to row <c>i</c> at <c>[i, j]</c>; rows ≤ columns.</param>
    /// <returns>The column of each row (length = rows), distinct columns, minimal total cost.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cost"/> is null.</exception>
    /// <exception cref="ArgumentException">A cost is NaN or infinite, or there are more rows than columns.</exception>
    public static int[] Solve(double[,] cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        return Solve(CostMatrixGuard.RowMajor(cost), cost.GetLength(0), cost.GetLength(1));
    }

    /// <summary>Solves the assignment for a row-major cost matrix.</summary>
    /// <param name="cost">Row-major costs, <paramref name="rows"/> × <paramref name="columns"/>; not modified.</param>
    /// <param name="rows">The number of rows (at least 0, at most <paramref name="columns"/>).</param>
    /// <param name="columns">The number of columns.</param>
    /// <returns>The column of each row (length = rows), distinct columns, minimal total cost.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative.</exception>
    /// <exception cref="ArgumentException">
    /// The buffer length is not rows × columns, a cost is NaN or infinite (the message names the entry), or there
    /// are more rows than columns.
    /// </exception>
    public static int[] Solve(ReadOnlySpan<double> cost, int rows, int columns)
    {
        CostMatrixGuard.Matrix(cost, rows, columns, nameof(cost));
        CostMatrixGuard.RowsNotAboveColumns(rows, columns, nameof(cost));
        return SolveValidated(cost, rows, columns);
    }

    /// <summary>The solver proper; the matrix has been validated.</summary>
    internal static int[] SolveValidated(ReadOnlySpan<double> cost, int rows, int columns)
    {
        var u = new double[rows];
        var v = new double[columns];
        var shortest = new double[columns];
        var path = new int[columns];
        var colForRow = new int[rows];
        var rowForCol = new int[columns];
        var visitedRow = new bool[rows];
        var visitedCol = new bool[columns];
        var remaining = new int[columns];
        Array.Fill(colForRow, -1);
        Array.Fill(rowForCol, -1);

        for (int current = 0; current < rows; current++)
        {
            int sink = AugmentingPath(cost, columns, current, u, v, shortest, path, rowForCol, visitedRow, visitedCol, remaining, out double minVal);

            // Update the dual potentials along the search tree.
            u[current] += minVal;
            for (int i = 0; i < rows; i++)
            {
                if (visitedRow[i] && i != current)
                {
                    u[i] += minVal - shortest[colForRow[i]];
                }
            }

            for (int j = 0; j < columns; j++)
            {
                if (visitedCol[j])
                {
                    v[j] -= minVal - shortest[j];
                }
            }

            // Flip the augmenting path.
            int col = sink;
            while (true)
            {
                int row = path[col];
                rowForCol[col] = row;
                (colForRow[row], col) = (col, colForRow[row]);
                if (row == current)
                {
                    break;
                }
            }
        }

        return colForRow;
    }

    /// <summary>
    /// The shortest augmenting path from row <paramref name="start"/> to a free column in reduced costs; returns
    /// that column (the sink), with <paramref name="minVal"/> its distance.
    /// </summary>
    private static int AugmentingPath(
        ReadOnlySpan<double> cost,
        int columns,
        int start,
        double[] u,
        double[] v,
        double[] shortest,
        int[] path,
        int[] rowForCol,
        bool[] visitedRow,
        bool[] visitedCol,
        int[] remaining,
        out double minVal)
    {
        minVal = 0;
        int remainingCount = columns;

        // Filled in reverse so that, among equal free columns, the lowest index is the last one seen and kept.
        for (int k = 0; k < columns; k++)
        {
            remaining[k] = columns - k - 1;
        }

        Array.Clear(visitedRow);
        Array.Clear(visitedCol);
        Array.Fill(shortest, double.PositiveInfinity);

        int i = start;
        int sink = -1;
        while (sink == -1)
        {
            int index = -1;
            double lowest = double.PositiveInfinity;
            visitedRow[i] = true;
            ReadOnlySpan<double> row = cost.Slice(i * columns, columns);
            double offset = minVal - u[i];

            for (int k = 0; k < remainingCount; k++)
            {
                int j = remaining[k];
                double r = offset + row[j] - v[j];
                if (r < shortest[j])
                {
                    path[j] = i;
                    shortest[j] = r;
                }

                double s = shortest[j];
                if (s < lowest || (s == lowest && rowForCol[j] == -1))
                {
                    lowest = s;
                    index = k;
                }
            }

            minVal = lowest;
            if (index < 0 || double.IsPositiveInfinity(minVal))
            {
                // Unreachable with finite costs and rows ≤ columns; kept as a guard against silent corruption.
                throw new InvalidOperationException("The assignment problem is infeasible.");
            }

            int jSel = remaining[index];
            if (rowForCol[jSel] == -1)
            {
                sink = jSel;
            }
            else
            {
                i = rowForCol[jSel];
            }

            visitedCol[jSel] = true;
            remaining[index] = remaining[--remainingCount];
        }

        return sink;
    }
}
