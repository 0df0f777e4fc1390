namespace Avatars.Engine.Neighbors;

/// <summary>
/// An exact Euclidean nearest-neighbour index over a fixed set of points (rows <c>0 … Count − 1</c>). Every
/// implementation follows the same rules, so they can replace one another bit for bit:
/// <list type="bullet">
/// <item>distances are Euclidean, <c>Math.Sqrt</c> of <see cref="EuclideanDistance.Squared"/> (never squared);</item>
/// <item>neighbours are ordered by ascending (distance, index): on equal distance the lower index comes first and wins
/// a place in the top k ("lowest index wins");</item>
/// <item>radius counts are inclusive (distance ≤ radius) and use the same distance computation;</item>
/// <item>an optional <c>excludeIndex</c> removes exactly that row (typically the query individual itself); exact
/// duplicates of it are other rows and are kept, at distance 0.</item>
/// </list>
/// All members are thread-safe; queries write into caller-provided spans and do not allocate.
/// </summary>
public interface INeighborIndex
{
    /// <summary>The number of indexed points.</summary>
    int Count { get; }

    /// <summary>The dimension of the points.</summary>
    int Dimension { get; }

    /// <summary>
    /// Finds the <paramref name="k"/> nearest points to <paramref name="point"/> in ascending (distance, index) order.
    /// </summary>
    /// <param name="point">The query point (length <see cref="Dimension"/>, finite coordinates).</param>
    /// <param name="k">The number of neighbours wanted (at least 1).</param>
    /// <param name="indices">Receives the neighbour indices; length at least <paramref name="k"/>.</param>
    /// <param name="distances">Receives the Euclidean distances; length at least <paramref name="k"/>.</param>
    /// <param name="excludeIndex">A row to leave out (−1 for none), typically the query individual itself.</param>
    /// <returns>
    /// The number of neighbours written, <c>min(k, Count − excluded)</c>; when fewer than <paramref name="k"/> points
    /// are available the remaining entries are set to −1 and positive infinity.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="k"/> &lt; 1, a span is too short, the point has the wrong dimension or a non-finite coordinate,
    /// or <paramref name="excludeIndex"/> is not −1 or a valid row.
    /// </exception>
    int Query(ReadOnlySpan<double> point, int k, Span<int> indices, Span<double> distances, int excludeIndex = -1);

    /// <summary>Finds the nearest point (lowest index on exact ties).</summary>
    /// <param name="point">The query point (length <see cref="Dimension"/>, finite coordinates).</param>
    /// <param name="distance">The Euclidean distance to the nearest point; positive infinity when none.</param>
    /// <param name="excludeIndex">A row to leave out (−1 for none).</param>
    /// <returns>The index of the nearest point, or −1 when the index holds no (other) point.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The point has the wrong dimension or a non-finite coordinate, or
    /// <paramref name="excludeIndex"/> is not −1 or a valid row.</exception>
    int Nearest(ReadOnlySpan<double> point, out double distance, int excludeIndex = -1);

    /// <summary>
    /// Counts the points whose distance to <paramref name="point"/> is at most <paramref name="radius"/> (inclusive).
    /// A point reported at distance <c>r</c> by <see cref="Query"/>, <see cref="Nearest"/> or
    /// <see cref="EuclideanDistance.Between"/> is always counted for radius <c>r</c>.
    /// </summary>
    /// <param name="point">The query point (length <see cref="Dimension"/>, finite coordinates).</param>
    /// <param name="radius">The inclusive radius (non-negative; may be positive infinity).</param>
    /// <param name="excludeIndex">A row to leave out of the count (−1 for none).</param>
    /// <returns>The number of points within the radius.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The radius is negative or NaN, the point has the wrong dimension
    /// or a non-finite coordinate, or <paramref name="excludeIndex"/> is not −1 or a valid row.</exception>
    int CountWithinRadius(ReadOnlySpan<double> point, double radius, int excludeIndex = -1);

    /// <summary>Copies the coordinates of the indexed point <paramref name="index"/> (bitwise as given).</summary>
    /// <param name="index">A row in <c>0 … Count − 1</c>.</param>
    /// <param name="destination">Receives <see cref="Dimension"/> coordinates.</param>
    /// <exception cref="ArgumentOutOfRangeException">The row is out of range or the destination is too short.</exception>
    void CopyPoint(int index, Span<double> destination);
}
