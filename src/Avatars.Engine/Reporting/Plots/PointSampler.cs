namespace Avatars.Engine.Reporting.Plots;

/// <summary>Deterministic uniform sampling of row indices without replacement (Floyd's algorithm, SplitMix64).</summary>
public static class PointSampler
{
    /// <summary>
    /// At most <paramref name="max"/> of the rows 0 … <paramref name="count"/> − 1, drawn uniformly without
    /// replacement with a fixed seed and returned in increasing order; all rows when count ≤ max.
    /// </summary>
    public static int[] Sample(int count, int max, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (count <= max)
        {
            return Enumerable.Range(0, count).ToArray();
        }

        var state = seed ^ 0x9E3779B97F4A7C15UL;
        var chosen = new HashSet<int>(max);
        for (var j = count - max; j < count; j++)
        {
            var t = (int)(Next(ref state) % (ulong)(j + 1));
            if (!chosen.Add(t))
            {
                chosen.Add(j);
            }
        }

        var result = chosen.ToArray();
        Array.Sort(result);
        return result;
    }

    private static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
