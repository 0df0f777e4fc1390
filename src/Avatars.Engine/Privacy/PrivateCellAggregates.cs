using Avatars.Engine.Randomness;

namespace Avatars.Engine.Privacy;

/// <summary>
/// Stage 2 (ε₂): the Laplace mechanism on the per-cell count and per-cell sum of row vectors. A row contributes
/// (1, v) to its one cell, L1 ≤ 1 + m; replacing a row changes at most two cells: Δ₂ = 2(m + 1).
/// </summary>
internal sealed class PrivateCellAggregates
{
    private const ulong NoiseStream = 0xD2;

    private PrivateCellAggregates(double[] counts, double[] sums, double[] exactCounts, double[] exactSums)
    {
        Counts = counts;
        Sums = sums;
        ExactCounts = exactCounts;
        ExactSums = exactSums;
    }

    /// <summary>Noisy count per cell.</summary>
    public double[] Counts { get; }

    /// <summary>Noisy sum vector per cell, cells × d row-major.</summary>
    public double[] Sums { get; }

    /// <summary>Exact counts; for tests of the noise only, never output.</summary>
    internal double[] ExactCounts { get; }

    /// <summary>Exact sums; for tests of the sensitivity only, never output.</summary>
    internal double[] ExactSums { get; }

    /// <summary>Δ₂ for m modelled columns.</summary>
    public static double Sensitivity(int m) => 2.0 * (m + 1);

    /// <summary>Computes the noisy aggregates with Laplace scale <paramref name="scale"/> = Δ₂/ε₂ on every cell, empty or not.</summary>
    public static PrivateCellAggregates Compute(double[] rows, int n, int d, CellGrid grid, double scale, ulong seed)
    {
        var cells = grid.CellCount;
        var counts = new double[cells];
        var sums = new double[cells * d];
        for (var i = 0; i < n; i++)
        {
            var v = rows.AsSpan(i * d, d);
            var cell = grid.CellOf(v);
            counts[cell] += 1;
            for (var a = 0; a < d; a++)
            {
                sums[(cell * d) + a] += v[a];
            }
        }

        var exactCounts = (double[])counts.Clone();
        var exactSums = (double[])sums.Clone();
        var random = new RowRandom(seed, NoiseStream, 0);
        for (var c = 0; c < cells; c++)
        {
            counts[c] += LaplaceNoise.Next(ref random, scale);
            for (var a = 0; a < d; a++)
            {
                sums[(c * d) + a] += LaplaceNoise.Next(ref random, scale);
            }
        }

        return new PrivateCellAggregates(counts, sums, exactCounts, exactSums);
    }
}
