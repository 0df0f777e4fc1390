using Avatars.Engine.Randomness;

namespace Avatars.Engine.Avatarization;

/// <summary>
/// The random weight law of method.md §4.5 (reconstructed, normative for the project):
/// <c>P_j = (1/δ_j) · E_j · G_π(j)</c> with <c>E_j ~ Exp(1)</c>, <c>G_r = base^r</c> for r = 1..k and
/// π a uniform random permutation; <c>w = P / ΣP</c>. When some neighbours are at distance 0
/// (duplicates of the individual), they share all the weight in proportion to <c>E · G</c>.
/// </summary>
internal static class NeighborWeights
{
    /// <summary>Fills <paramref name="weights"/> for one individual from its neighbour distances.</summary>
    /// <param name="distances">The k neighbour distances.</param>
    /// <param name="contribution">The geometric contributions <c>G_1..G_k</c>.</param>
    /// <param name="random">The individual's own random stream.</param>
    /// <param name="weights">Receives the k weights (sum 1).</param>
    /// <param name="permutation">Scratch space of length k.</param>
    public static void Draw(ReadOnlySpan<double> distances, ReadOnlySpan<double> contribution, ref RowRandom random, Span<double> weights, Span<int> permutation)
    {
        var k = distances.Length;
        random.Permutation(permutation);
        var anyZero = false;
        for (var j = 0; j < k; j++)
        {
            anyZero |= distances[j] == 0;
        }

        var sum = 0.0;
        for (var j = 0; j < k; j++)
        {
            var p = random.NextExponential() * contribution[permutation[j]];
            if (anyZero)
            {
                p = distances[j] == 0 ? p : 0;
            }
            else
            {
                p /= distances[j];
            }

            weights[j] = p;
            sum += p;
        }

        if (!(sum > 0) || !double.IsFinite(sum))
        {
            // All draws underflowed (possible only with extreme distances): fall back to inverse distance alone.
            sum = 0;
            for (var j = 0; j < k; j++)
            {
                weights[j] = anyZero ? (distances[j] == 0 ? 1 : 0) : 1 / distances[j];
                sum += weights[j];
            }
        }

        for (var j = 0; j < k; j++)
        {
            weights[j] /= sum;
        }
    }

    /// <summary>The contributions <c>G_r = base^r</c>, r = 1..k.</summary>
    public static double[] Contributions(int k, double contributionBase)
    {
        var g = new double[k];
        for (var r = 0; r < k; r++)
        {
            g[r] = Math.Pow(contributionBase, r + 1);
        }

        return g;
    }
}
