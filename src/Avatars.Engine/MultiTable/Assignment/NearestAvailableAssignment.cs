using Avatars.Engine.Neighbors;

namespace Avatars.Engine.MultiTable.Assignment;

/// <summary>
/// The greedy minimum-distance assignment of <see cref="GreedyAssignment"/> computed from points instead of a cost
/// matrix: rows in index order, each to the nearest column point with remaining capacity (Euclidean distance, lowest
/// column index on ties). A KD-tree over the columns that still have capacity answers each row with a few nearest
/// neighbour queries, and is rebuilt over the remaining columns when half of its columns are full, so memory stays
/// O(rows + columns) — the multi-table pipeline uses it when a rows × columns matrix would be too large or the exact
/// method does not apply.
/// </summary>
public static class NearestAvailableAssignment
{
    private const int FirstQuery = 8;

    /// <summary>Assigns each row point to a column point.</summary>
    /// <param name="rowPoints">Row points, row-major, <paramref name="rows"/> × <paramref name="dimension"/>.</param>
    /// <param name="columnPoints">Column points, row-major, one per entry of <paramref name="capacities"/>.</param>
    /// <param name="rows">The number of rows.</param>
    /// <param name="dimension">The dimension of the points (at least 1).</param>
    /// <param name="capacities">How many rows each column takes (at least 0, adding up to at least <paramref name="rows"/>).</param>
    /// <returns>The column of each row.</returns>
    /// <exception cref="ArgumentException">The buffers do not match the sizes, a point is not finite, a capacity is negative, or the capacities are too small.</exception>
    public static int[] Solve(ReadOnlySpan<double> rowPoints, ReadOnlySpan<double> columnPoints, int rows, int dimension, ReadOnlySpan<int> capacities)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        int columns = capacities.Length;
        if (rowPoints.Length != (long)rows * dimension)
        {
            throw new ArgumentException($"The row buffer has {rowPoints.Length} values but rows × dimension = {rows} × {dimension}.", nameof(rowPoints));
        }

        if (columnPoints.Length != (long)columns * dimension)
        {
            throw new ArgumentException($"The column buffer has {columnPoints.Length} values but columns × dimension = {columns} × {dimension}.", nameof(columnPoints));
        }

        var remaining = capacities.ToArray();
        long total = 0;
        for (int c = 0; c < columns; c++)
        {
            if (remaining[c] < 0)
            {
                throw new ArgumentException($"The capacity of column {c} is {remaining[c]}; capacities must be at least 0.", nameof(capacities));
            }

            total += remaining[c];
        }

        if (total < rows)
        {
            throw new ArgumentException($"The capacities add up to {total} but there are {rows} rows; every row needs a column.", nameof(capacities));
        }

        var result = new int[rows];
        if (rows == 0)
        {
            return result;
        }

        var columnCopy = columnPoints.ToArray();
        var (tree, active) = Build(columnCopy, remaining, dimension);
        int fullInTree = 0;
        var indices = new int[Math.Max(1, Math.Min(FirstQuery, active.Length))];
        var distances = new double[indices.Length];
        for (int i = 0; i < rows; i++)
        {
            ReadOnlySpan<double> point = rowPoints.Slice(i * dimension, dimension);
            int k = Math.Min(FirstQuery, active.Length);
            int chosen = -1;
            while (chosen < 0)
            {
                if (indices.Length < k)
                {
                    indices = new int[k];
                    distances = new double[k];
                }

                int found = tree.Query(point, k, indices, distances);
                for (int j = 0; j < found && chosen < 0; j++)
                {
                    int column = active[indices[j]];
                    if (remaining[column] > 0)
                    {
                        chosen = column;
                    }
                }

                if (chosen < 0)
                {
                    // Every column of the tree within the k nearest is full: look further.
                    k = Math.Min(k * 4, active.Length);
                }
            }

            result[i] = chosen;
            if (--remaining[chosen] == 0 && ++fullInTree * 2 > active.Length && i + 1 < rows)
            {
                (tree, active) = Build(columnCopy, remaining, dimension);
                fullInTree = 0;
            }
        }

        return result;
    }

    /// <summary>A KD-tree over the columns with remaining capacity (in ascending column order, so the lowest index still wins ties).</summary>
    private static (KdTree Tree, int[] Active) Build(double[] columnPoints, int[] remaining, int dimension)
    {
        var active = Enumerable.Range(0, remaining.Length).Where(c => remaining[c] > 0).ToArray();
        var points = new double[active.Length * dimension];
        for (int a = 0; a < active.Length; a++)
        {
            Array.Copy(columnPoints, active[a] * dimension, points, a * dimension, dimension);
        }

        return (new KdTree(points, active.Length, dimension), active);
    }
}
