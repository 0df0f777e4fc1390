using Avatars.Data;
using Avatars.Engine.Randomness;

namespace Avatars.Engine.Avatarization;

/// <summary>
/// Builds every avatar directly in data space (method.md §4.6, exact): continuous variables as the
/// weighted mean of the neighbours' values, categorical variables as the weighted mode (ties → first
/// level in category order). Each row draws its weights from its own random stream, so the result
/// does not depend on the thread count.
/// </summary>
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
        var p = working.ColumnCount;
        var continuousSource = new double[p][];
        var codeSource = new int[p][];
        var continuousResult = new double[p][];
        var codeResult = new int[p][];
        var maxLevels = 1;
        for (var c = 0; c < p; c++)
        {
            switch (working[c])
            {
                case FloatColumn f:
                    continuousSource[c] = f.Values.ToArray();
                    continuousResult[c] = new double[n];
                    break;
                case CategoryColumn cat:
                    codeSource[c] = cat.Codes.ToArray();
                    codeResult[c] = new int[n];
                    maxLevels = Math.Max(maxLevels, cat.LevelCount);
                    break;
                default:
                    throw new InvalidOperationException($"Working column '{working[c].Name}' must be float or category.");
            }
        }

        var contribution = NeighborWeights.Contributions(k, contributionBase);
        var blocks = (n + BlockSize - 1) / BlockSize;
        var done = 0;
        Parallel.For(0, blocks, parallel, () => new double[maxLevels], (block, _, levelWeights) =>
        {
            Span<double> weights = stackalloc double[k];
            Span<int> permutation = stackalloc int[k];
            var end = Math.Min(n, (block + 1) * BlockSize);
            for (var i = block * BlockSize; i < end; i++)
            {
                var random = new RowRandom(seed, WeightStream, (ulong)i);
                var nb = neighbors.AsSpan(i * k, k);
                NeighborWeights.Draw(distances.AsSpan(i * k, k), contribution, ref random, weights, permutation);
                for (var c = 0; c < p; c++)
                {
                    if (continuousSource[c] is { } source)
                    {
                        var sum = 0.0;
                        for (var j = 0; j < k; j++)
                        {
                            sum += weights[j] * source[nb[j]];
                        }

                        continuousResult[c][i] = sum;
                    }
                    else
                    {
                        codeResult[c][i] = WeightedMode(codeSource[c], nb, weights, levelWeights);
                    }
                }
            }

            var completed = Interlocked.Increment(ref done);
            progress?.Report((double)completed / blocks);
            return levelWeights;
        }, _ => { });

        var result = new Column[p];
        for (var c = 0; c < p; c++)
        {
            result[c] = continuousResult[c] is { } values
                ? new FloatColumn(working[c].Name, values)
                : new CategoryColumn(working[c].Name, codeResult[c], [.. ((CategoryColumn)working[c]).Levels]);
        }

        return result;
    }

    /// <summary>The level with the largest total weight; ties go to the lowest code (first in category order).</summary>
    private static int WeightedMode(int[] codes, ReadOnlySpan<int> neighbors, ReadOnlySpan<double> weights, double[] levelWeights)
    {
        for (var j = 0; j < neighbors.Length; j++)
        {
            levelWeights[codes[neighbors[j]]] += weights[j];
        }

        var best = -1;
        var bestWeight = double.NegativeInfinity;
        for (var j = 0; j < neighbors.Length; j++)
        {
            var code = codes[neighbors[j]];
            var w = levelWeights[code];
            if (w > bestWeight || (w == bestWeight && code < best))
            {
                best = code;
                bestWeight = w;
            }
        }

        for (var j = 0; j < neighbors.Length; j++)
        {
            levelWeights[codes[neighbors[j]]] = 0;
        }

        return best;
    }
}
