using System.Numerics;
using Avatars.Data;
using Avatars.Engine.Randomness;

namespace Avatars.Engine.Preprocessing;

/// <summary>
/// The KNN imputers (project design): distance on the columns an incomplete row has — standardised
/// numbers plus 1 per categorical mismatch — to a set of complete reference rows; missing numbers get
/// the mean of the k nearest, missing categories their mode.
/// </summary>
internal sealed class NearestNeighbourImputation
{
    private const ulong SampleStream = 0x1A;

    private readonly Table reference;
    private readonly int[] trainingRows;
    private readonly double[] mean;
    private readonly double[] scale;
    private readonly int k;

    /// <summary>Creates the imputation against <paramref name="trainingRows"/> of the reference table.</summary>
    /// <param name="reference">The working table the imputer was fitted on.</param>
    /// <param name="trainingRows">Complete reference rows to search, ascending.</param>
    /// <param name="mean">Per column: the mean used to standardise numbers.</param>
    /// <param name="scale">Per column: the population standard deviation (1 when zero).</param>
    /// <param name="k">Neighbours averaged.</param>
    public NearestNeighbourImputation(Table reference, int[] trainingRows, double[] mean, double[] scale, int k)
    {
        this.reference = reference;
        this.trainingRows = trainingRows;
        this.mean = mean;
        this.scale = scale;
        this.k = k;
    }

    /// <summary>
    /// Fills each incomplete row from the mean (numbers) or mode (categories) of its k nearest complete
    /// reference rows, on the columns the row has: standardised numbers, plus 1 per categorical mismatch.
    /// Brute force over the reference sample, vectorised per column.
    /// </summary>
    public void Fill(Table working, List<int> incomplete, double[][] numbers, int[][] codes, CancellationToken cancellationToken)
    {
        var m = trainingRows.Length;
        var p = working.ColumnCount;
        var k = this.k;

        // Reference features column-major in float, for SIMD distance accumulation.
        var refNumbers = new float[p][];
        var refCodes = new int[p][];
        for (var c = 0; c < p; c++)
        {
            switch (reference[c])
            {
                case FloatColumn f:
                    var z = refNumbers[c] = new float[m];
                    for (var t = 0; t < m; t++)
                    {
                        z[t] = (float)((f[trainingRows[t]] - mean[c]) / scale[c]);
                    }

                    break;
                case CategoryColumn cat:
                    var codesOfColumn = refCodes[c] = new int[m];
                    for (var t = 0; t < m; t++)
                    {
                        codesOfColumn[t] = cat[trainingRows[t]];
                    }

                    break;
            }
        }

        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, (incomplete.Count + 255) / 256, parallel, () => new float[m], (block, _, distances) =>
        {
            Span<int> best = stackalloc int[k];
            var end = Math.Min(incomplete.Count, (block + 1) * 256);
            for (var b = block * 256; b < end; b++)
            {
                var r = incomplete[b];
                Array.Clear(distances);
                for (var c = 0; c < p; c++)
                {
                    if (numbers[c] is { } n)
                    {
                        if (!double.IsNaN(n[r]))
                        {
                            AddSquaredDifference(distances, refNumbers[c], (float)((n[r] - mean[c]) / scale[c]));
                        }
                    }
                    else if (codes[c][r] >= 0)
                    {
                        AddMismatch(distances, refCodes[c], codes[c][r]);
                    }
                }

                SmallestK(distances, best);
                for (var c = 0; c < p; c++)
                {
                    if (numbers[c] is { } n && double.IsNaN(n[r]))
                    {
                        var source = (FloatColumn)reference[c];
                        var sum = 0.0;
                        foreach (var t in best)
                        {
                            sum += source[trainingRows[t]];
                        }

                        n[r] = sum / k;
                    }
                    else if (codes[c] is { } kc && kc[r] < 0)
                    {
                        kc[r] = ModeOf(refCodes[c], best, ((CategoryColumn)reference[c]).LevelCount);
                    }
                }
            }

            return distances;
        }, _ => { });
    }

    private static void AddSquaredDifference(float[] distances, float[] column, float value)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var v = new Vector<float>(value);
            for (; i <= distances.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var d = new Vector<float>(column, i) - v;
                (new Vector<float>(distances, i) + (d * d)).CopyTo(distances, i);
            }
        }

        for (; i < distances.Length; i++)
        {
            var d = column[i] - value;
            distances[i] += d * d;
        }
    }

    private static void AddMismatch(float[] distances, int[] column, int code)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // Equals gives −1 (all bits) where the codes match: 1 + (float)(−1) = 0, 1 + 0 = 1.
            var v = new Vector<int>(code);
            for (; i <= distances.Length - Vector<int>.Count; i += Vector<int>.Count)
            {
                var mismatch = Vector<float>.One + Vector.ConvertToSingle(Vector.Equals(new Vector<int>(column, i), v));
                (new Vector<float>(distances, i) + mismatch).CopyTo(distances, i);
            }
        }

        for (; i < distances.Length; i++)
        {
            if (column[i] != code)
            {
                distances[i] += 1f;
            }
        }
    }

    /// <summary>Indices of the k smallest distances, ties to the lowest index (insertion into a sorted buffer).</summary>
    private static void SmallestK(float[] distances, Span<int> best)
    {
        var count = 0;
        for (var i = 0; i < distances.Length; i++)
        {
            var d = distances[i];
            if (count == best.Length && d >= distances[best[count - 1]])
            {
                continue;
            }

            var pos = count == best.Length ? count - 1 : count++;
            while (pos > 0 && distances[best[pos - 1]] > d)
            {
                best[pos] = best[pos - 1];
                pos--;
            }

            best[pos] = i;
        }
    }

    private static int ModeOf(int[] codes, ReadOnlySpan<int> rows, int levelCount)
    {
        Span<int> counts = levelCount <= 256 ? stackalloc int[levelCount] : new int[levelCount];
        foreach (var t in rows)
        {
            counts[codes[t]]++;
        }

        var best = 0;
        for (var l = 1; l < counts.Length; l++)
        {
            if (counts[l] > counts[best])
            {
                best = l;
            }
        }

        return best;
    }

    public static int[] SampleCompleteRows(Table working, ImputationOptions options, ulong seed)
    {
        var complete = new List<int>();
        for (var r = 0; r < working.RowCount; r++)
        {
            var ok = true;
            for (var c = 0; c < working.ColumnCount && ok; c++)
            {
                ok = !working[c].IsMissing(r);
            }

            if (ok)
            {
                complete.Add(r);
            }
        }

        var target = (int)Math.Ceiling(complete.Count * options.TrainingFraction);
        if (options.Method == ImputationMethod.FastKnn)
        {
            target = Math.Min(target, options.FastKnnSampleSize);
        }

        if (target >= complete.Count)
        {
            return [.. complete];
        }

        // Partial Fisher–Yates: a uniform sample without replacement, then sorted to keep "lowest index" tie rules meaningful.
        var rows = complete.ToArray();
        var random = new RowRandom(seed, SampleStream, 0);
        for (var i = 0; i < target; i++)
        {
            var j = i + random.NextInt(rows.Length - i);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }

        var sample = rows[..target];
        Array.Sort(sample);
        return sample;
    }
}
