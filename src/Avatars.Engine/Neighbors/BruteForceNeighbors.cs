namespace Avatars.Engine.Neighbors;

/// <summary>
/// The exact O(n) per query (O(n²) for all rows) neighbour search: compares the query with every point in row order.
/// It follows the same rules as <see cref="KdTree"/> (see <see cref="INeighborIndex"/>) and gives bitwise identical
/// results; it is the oracle of the tests and a fallback for tiny or high-dimensional data.
/// </summary>
public sealed class BruteForceNeighbors : INeighborIndex
{
    private readonly double[] _points;

    /// <summary>Indexes a copy of the points.</summary>
    /// <param name="points">The points, row-major (<paramref name="count"/> × <paramref name="dimension"/>); copied.</param>
    /// <param name="count">The number of points (may be 0).</param>
    /// <param name="dimension">The dimension (at least 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A size is out of range, the buffer length is not <c>count × dimension</c>, or a coordinate is NaN or infinite
    /// (the message names the row).
    /// </exception>
    public BruteForceNeighbors(ReadOnlySpan<double> points, int count, int dimension)
    {
        NeighborGuard.Points(points, count, dimension, nameof(points), nameof(count), nameof(dimension));
        _points = points.ToArray();
        Count = count;
        Dimension = dimension;
    }

    /// <inheritdoc />
    public int Count { get; }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <inheritdoc />
    public int Query(ReadOnlySpan<double> point, int k, Span<int> indices, Span<double> distances, int excludeIndex = -1)
    {
        NeighborGuard.Point(point, Dimension, nameof(point));
        NeighborGuard.QueryOutputs(k, indices.Length, distances.Length);
        NeighborGuard.Exclude(excludeIndex, Count);

        // Rows are visited in increasing order, so a candidate only displaces an entry that is strictly farther:
        // on equal distance the earlier (lower) row stays ahead.
        var d = Dimension;
        var found = 0;
        for (var row = 0; row < Count; row++)
        {
            if (row == excludeIndex)
            {
                continue;
            }

            var squared = EuclideanDistance.SquaredUnchecked(point, _points.AsSpan(row * d, d));
            if (found == k && !(squared < distances[k - 1]))
            {
                continue;
            }

            var position = found < k ? found++ : k - 1;
            while (position > 0 && squared < distances[position - 1])
            {
                distances[position] = distances[position - 1];
                indices[position] = indices[position - 1];
                position--;
            }

            distances[position] = squared;
            indices[position] = row;
        }

        for (var i = 0; i < found; i++)
        {
            distances[i] = Math.Sqrt(distances[i]);
        }

        for (var i = found; i < k; i++)
        {
            indices[i] = -1;
            distances[i] = double.PositiveInfinity;
        }

        return found;
    }

    /// <inheritdoc />
    public int Nearest(ReadOnlySpan<double> point, out double distance, int excludeIndex = -1)
    {
        NeighborGuard.Point(point, Dimension, nameof(point));
        NeighborGuard.Exclude(excludeIndex, Count);
        var d = Dimension;
        var best = -1;
        var bestSquared = double.PositiveInfinity;
        for (var row = 0; row < Count; row++)
        {
            if (row == excludeIndex)
            {
                continue;
            }

            var squared = EuclideanDistance.SquaredUnchecked(point, _points.AsSpan(row * d, d));
            if (best < 0 || squared < bestSquared)
            {
                best = row;
                bestSquared = squared;
            }
        }

        distance = Math.Sqrt(bestSquared);
        return best;
    }

    /// <inheritdoc />
    public int CountWithinRadius(ReadOnlySpan<double> point, double radius, int excludeIndex = -1)
    {
        EuclideanDistance.SquaredThreshold(radius); // validates the radius
        NeighborGuard.Point(point, Dimension, nameof(point));
        NeighborGuard.Exclude(excludeIndex, Count);
        var d = Dimension;
        var total = 0;
        for (var row = 0; row < Count; row++)
        {
            if (row != excludeIndex && Math.Sqrt(EuclideanDistance.SquaredUnchecked(point, _points.AsSpan(row * d, d))) <= radius)
            {
                total++;
            }
        }

        return total;
    }

    /// <inheritdoc />
    public void CopyPoint(int index, Span<double> destination)
    {
        NeighborGuard.Row(index, Count, nameof(index));
        if (destination.Length < Dimension)
        {
            throw new ArgumentOutOfRangeException(nameof(destination), destination.Length, $"destination has room for {destination.Length} coordinates but the dimension is {Dimension}.");
        }

        _points.AsSpan(index * Dimension, Dimension).CopyTo(destination);
    }
}
