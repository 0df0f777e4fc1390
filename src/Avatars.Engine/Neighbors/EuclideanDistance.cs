namespace Avatars.Engine.Neighbors;

/// <summary>
/// The single Euclidean distance computation shared by every neighbour query (<see cref="KdTree"/>,
/// <see cref="BruteForceNeighbors"/>, <see cref="NeighborSearch"/>), so that the same pair of points always gives
/// bitwise the same distance: exact duplicates are at distance exactly 0, and a point found by a k-nearest query at
/// distance <c>r</c> is always counted by a radius query with radius <c>r</c>.
/// </summary>
/// <remarks>
/// The squared distance is <c>Σ_j (a_j − b_j)²</c>, summed in dimension order 0, 1, …, d − 1 without fused
/// multiply-add. Distances reported by the queries are <c>Math.Sqrt</c> of that value (correctly rounded, monotone).
/// </remarks>
public static class EuclideanDistance
{
    /// <summary>The squared Euclidean distance between two points of the same dimension.</summary>
    /// <param name="a">The first point.</param>
    /// <param name="b">The second point; must have the same length as <paramref name="a"/>.</param>
    /// <returns><c>Σ_j (a_j − b_j)²</c>, summed in dimension order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The two points do not have the same dimension.</exception>
    public static double Squared(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(b), b.Length, $"Dimension mismatch: the second point has {b.Length} coordinates, the first has {a.Length}.");
        }

        return SquaredUnchecked(a, b);
    }

    /// <summary>The Euclidean distance between two points: <c>Math.Sqrt(Squared(a, b))</c>.</summary>
    /// <param name="a">The first point.</param>
    /// <param name="b">The second point; must have the same length as <paramref name="a"/>.</param>
    /// <returns>The Euclidean distance, bitwise equal to the distance the neighbour queries report for this pair.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The two points do not have the same dimension.</exception>
    public static double Between(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => Math.Sqrt(Squared(a, b));

    /// <summary>
    /// The largest squared distance <c>t</c> with <c>Math.Sqrt(t) ≤ radius</c>. Comparing squared distances with
    /// <c>≤ t</c> is then exactly equivalent to comparing the reported distances with <c>≤ radius</c>, without a square
    /// root per point.
    /// </summary>
    /// <param name="radius">A non-negative radius (may be positive infinity).</param>
    /// <returns>The inclusive squared threshold.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="radius"/> is negative or NaN.</exception>
    public static double SquaredThreshold(double radius)
    {
        if (double.IsNaN(radius) || radius < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(radius), radius, $"The radius must be a non-negative number (got {radius}).");
        }

        if (double.IsPositiveInfinity(radius))
        {
            return double.PositiveInfinity;
        }

        var t = radius * radius;
        while (Math.Sqrt(t) > radius)
        {
            t = Math.BitDecrement(t);
        }

        while (true)
        {
            var next = Math.BitIncrement(t);
            if (double.IsPositiveInfinity(next) || Math.Sqrt(next) > radius)
            {
                return t;
            }

            t = next;
        }
    }

    /// <summary>Same as <see cref="Squared"/> without the length check (callers guarantee equal lengths).</summary>
    internal static double SquaredUnchecked(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var j = 0; j < a.Length; j++)
        {
            var diff = a[j] - b[j];
            sum += diff * diff;
        }

        return sum;
    }
}
