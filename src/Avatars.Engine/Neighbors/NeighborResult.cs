namespace Avatars.Engine.Neighbors;

/// <summary>
/// The k nearest neighbours of a batch of query rows: row-major <see cref="RowCount"/> × <see cref="K"/> arrays of
/// neighbour indices and Euclidean distances, each row in ascending (distance, index) order.
/// </summary>
public sealed class NeighborResult
{
    /// <summary>Allocates a result for <paramref name="rowCount"/> rows of <paramref name="k"/> neighbours.</summary>
    /// <param name="rowCount">The number of query rows (non-negative).</param>
    /// <param name="k">The number of neighbours per row (at least 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range.</exception>
    public NeighborResult(int rowCount, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if ((long)rowCount * k > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"{rowCount} rows × k = {k} neighbours exceed the largest array.");
        }

        RowCount = rowCount;
        K = k;
        Indices = new int[rowCount * k];
        Distances = new double[rowCount * k];
    }

    /// <summary>The number of query rows.</summary>
    public int RowCount { get; }

    /// <summary>The number of neighbours per row.</summary>
    public int K { get; }

    /// <summary>Neighbour indices, row-major: row <c>i</c>'s neighbours are <c>[i·K, (i+1)·K)</c>.</summary>
    public int[] Indices { get; }

    /// <summary>Euclidean distances matching <see cref="Indices"/>, ascending within each row.</summary>
    public double[] Distances { get; }

    /// <summary>The neighbour indices of one row.</summary>
    /// <param name="row">A query row.</param>
    /// <returns>K indices in ascending (distance, index) order.</returns>
    public ReadOnlySpan<int> IndicesOf(int row) => Indices.AsSpan(CheckedRow(row) * K, K);

    /// <summary>The neighbour distances of one row.</summary>
    /// <param name="row">A query row.</param>
    /// <returns>K ascending distances.</returns>
    public ReadOnlySpan<double> DistancesOf(int row) => Distances.AsSpan(CheckedRow(row) * K, K);

    private int CheckedRow(int row)
    {
        NeighborGuard.Row(row, RowCount, nameof(row));
        return row;
    }
}
