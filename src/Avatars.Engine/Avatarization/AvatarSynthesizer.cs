using Avatars.Data;
using Avatars.Engine.Randomness;

namespace Avatars.Engine.Avatarization;

/// <summary>
/// Builds every avatar directly in data space (method.md §4.6, exact): continuous variables as the
/// weighted mean of the neighbours' values, categorical variables as the weighted mode (ties → first
/// level in category order). Each row draws its weights from its own random stream, so the result
/// does not depend on the thread count.
/// </summary>
/// <remarks>
/// Neighbours are scattered over the table, so the values are first copied into row-major arrays:
/// reading one neighbour then touches one or two cache lines instead of one per column.
/// </remarks>
internal static class AvatarSynthesizer
{
    private const ulong WeightStream = 0x57;
    private const int BlockSize = 2048;

    /// <summary>Synthesizes the avatars of a complete (imputed) working table.</summary>
    /// <param name="working">Float and category columns without missing values.</param>
    /// <param name="neighbors">Row-major n × k neighbour indices.</param>
    /// <param name="distances">Row-major n × k neighbour distances.</param>
    /// <param name="k">Neighbours per row.</param>
    /// <param name="seed">The run seed.</param>
    /// <param name="contributionBase">Base of the geometric contribution.</param>
    /// <param name="parallel">Parallel options (cancellation, degree).</param>
    /// <param name="progress">Receives the completed fraction.</param>
    /// <returns>The synthesized columns, same names and order as <paramref name="working"/>.</returns>
    public static Column[] Synthesize(Table working, int[] neighbors, double[] distances, int k, ulong seed, double contributionBase, ParallelOptions parallel, IProgress<double>? progress)
    {
        var n = working.RowCount;
        var continuous = working.Columns.OfType<FloatColumn>().ToArray();
        var categorical = working.Columns.OfType<CategoryColumn>().ToArray();
        if (continuous.Length + categorical.Length != working.ColumnCount)
        {
            throw new InvalidOperationException("Working columns must be float or category.");
        }

        var pc = continuous.Length;
        var pq = categorical.Length;
        var values = RowMajor(continuous, n, parallel);
        var codes = RowMajor(categorical, n, parallel);

        // One scratch slot per (categorical column, level), laid end to end.
        var levelOffset = new int[pq];
        var slots = 0;
        for (var q = 0; q < pq; q++)
        {
            levelOffset[q] = slots;
            slots += Math.Max(1, categorical[q].LevelCount);
        }

        var continuousResult = new double[pc][];
        for (var c = 0; c < pc; c++)
        {
            continuousResult[c] = new double[n];
        }

        var codeResult = new int[pq][];
        for (var q = 0; q < pq; q++)
        {
            codeResult[q] = new int[n];
        }

        var contribution = NeighborWeights.Contributions(k, contributionBase);
        var blocks = (n + BlockSize - 1) / BlockSize;
        var done = 0;
        Parallel.For(0, blocks, parallel, () => new double[slots + pc], (block, _, scratch) =>
        {
            Span<double> weights = stackalloc double[k];
            Span<int> permutation = stackalloc int[k];
            var levelWeights = scratch.AsSpan(0, slots);
            var sums = scratch.AsSpan(slots, pc);
            var end = Math.Min(n, (block + 1) * BlockSize);
            for (var i = block * BlockSize; i < end; i++)
            {
                var random = new RowRandom(seed, WeightStream, (ulong)i);
                var nb = neighbors.AsSpan(i * k, k);
                NeighborWeights.Draw(distances.AsSpan(i * k, k), contribution, ref random, weights, permutation);

                sums.Clear();
                for (var j = 0; j < k; j++)
                {
                    var w = weights[j];
                    var row = values.AsSpan(nb[j] * pc, pc);
                    for (var c = 0; c < pc; c++)
                    {
                        sums[c] += w * row[c];
                    }

                    var rowCodes = codes.AsSpan(nb[j] * pq, pq);
                    for (var q = 0; q < pq; q++)
                    {
                        levelWeights[levelOffset[q] + rowCodes[q]] += w;
                    }
                }

                for (var c = 0; c < pc; c++)
                {
                    continuousResult[c][i] = sums[c];
                }

                for (var q = 0; q < pq; q++)
                {
                    codeResult[q][i] = WeightedMode(codes, nb, pq, q, levelWeights[levelOffset[q]..]);
                }
            }

            var completed = Interlocked.Increment(ref done);
            progress?.Report((double)completed / blocks);
            return scratch;
        }, _ => { });

        var result = new Column[working.ColumnCount];
        int nextContinuous = 0, nextCategorical = 0;
        for (var c = 0; c < working.ColumnCount; c++)
        {
            result[c] = working[c] is FloatColumn
                ? new FloatColumn(working[c].Name, continuousResult[nextContinuous++])
                : new CategoryColumn(working[c].Name, codeResult[nextCategorical], [.. categorical[nextCategorical++].Levels]);
        }

        return result;
    }

    /// <summary>The level with the largest total weight; ties go to the lowest code (first in category order). Clears the slots it read.</summary>
    private static int WeightedMode(int[] codes, ReadOnlySpan<int> neighbors, int pq, int q, Span<double> levelWeights)
    {
        var best = -1;
        var bestWeight = double.NegativeInfinity;
        foreach (var row in neighbors)
        {
            var code = codes[(row * pq) + q];
            var w = levelWeights[code];
            if (w > bestWeight || (w == bestWeight && code < best))
            {
                best = code;
                bestWeight = w;
            }
        }

        foreach (var row in neighbors)
        {
            levelWeights[codes[(row * pq) + q]] = 0;
        }

        return best;
    }

    private static double[] RowMajor(FloatColumn[] columns, int n, ParallelOptions parallel)
    {
        var p = columns.Length;
        var result = new double[n * p];
        Parallel.For(0, p, parallel, c =>
        {
            var source = columns[c].Values;
            for (var i = 0; i < n; i++)
            {
                result[(i * p) + c] = source[i];
            }
        });
        return result;
    }

    private static int[] RowMajor(CategoryColumn[] columns, int n, ParallelOptions parallel)
    {
        var p = columns.Length;
        var result = new int[n * p];
        Parallel.For(0, p, parallel, c =>
        {
            var source = columns[c].Codes;
            for (var i = 0; i < n; i++)
            {
                result[(i * p) + c] = source[i];
            }
        });
        return result;
    }
}
