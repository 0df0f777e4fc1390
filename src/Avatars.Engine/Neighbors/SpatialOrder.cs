namespace Avatars.Engine.Neighbors;

/// <summary>
/// Orders points along a Z-order (Morton) curve of their first three coordinates. Running many
/// independent tree queries in this order makes consecutive queries visit the same nodes and leaves,
/// which stay in cache; results do not depend on the order.
/// </summary>
internal static class SpatialOrder
{
    private const int BitsPerDimension = 10;

    /// <summary>The row indices of <paramref name="points"/> (row-major n × d) sorted along the curve.</summary>
    public static int[] Of(ReadOnlySpan<double> points, int n, int d)
    {
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        if (n < 2 || d < 1)
        {
            return order;
        }

        var dims = Math.Min(3, d);
        Span<double> min = stackalloc double[dims];
        Span<double> scale = stackalloc double[dims];
        for (var j = 0; j < dims; j++)
        {
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (var i = 0; i < n; i++)
            {
                var v = points[(i * d) + j];
                lo = Math.Min(lo, v);
                hi = Math.Max(hi, v);
            }

            min[j] = lo;
            scale[j] = hi > lo ? ((1 << BitsPerDimension) - 1) / (hi - lo) : 0;
        }

        var keys = new long[n];
        for (var i = 0; i < n; i++)
        {
            long key = 0;
            for (var j = 0; j < dims; j++)
            {
                var cell = (long)((points[(i * d) + j] - min[j]) * scale[j]);
                for (var b = 0; b < BitsPerDimension; b++)
                {
                    key |= ((cell >> b) & 1L) << ((b * dims) + j);
                }
            }

            keys[i] = key;
        }

        Array.Sort(keys, order);
        return order;
    }
}
