using Avatars.Engine.Privacy;
using Avatars.Engine.Randomness;

namespace Avatars.Engine.Tests.Privacy;

/// <summary>The injected noise of both stages scales with 1/ε (empirical standard deviations).</summary>
public sealed class DifferentialPrivacyNoiseTests(ITestOutputHelper output)
{
    [Fact]
    public void LaplaceDraws_HaveStandardDeviationSqrt2TimesScale()
    {
        var random = new RowRandom(42, 1, 0);
        var draws = Enumerable.Range(0, 20000).Select(_ => LaplaceNoise.Next(ref random, 3)).ToArray();
        Assert.InRange(draws.Average(), -0.1, 0.1);
        Assert.InRange(StandardDeviation(draws), 3 * Math.Sqrt(2) * 0.95, 3 * Math.Sqrt(2) * 1.05);
    }

    [Fact]
    public void ProjectionStageNoise_IsTenTimesLargerAtEpsilonThanAtTenEpsilon()
    {
        var ratio = EmpiricalRatio(stage: 1);
        Assert.InRange(ratio, 8.5, 11.5);
    }

    [Fact]
    public void AggregationStageNoise_IsTenTimesLargerAtEpsilonThanAtTenEpsilon()
    {
        var ratio = EmpiricalRatio(stage: 2);
        Assert.InRange(ratio, 8.5, 11.5);
    }

    /// <summary>
    /// std(noisy − exact) at ε = 1 over std at ε = 10, pooled over 20 seeds; the two ε use disjoint seeds (1–20 and
    /// 1001–1020) so the draws are independent, and each std is also checked against √2 · Δ/εᵢ.
    /// </summary>
    private double EmpiricalRatio(int stage)
    {
        var table = DifferentialPrivacyTestData.Table(300);
        var encoding = DpRowEncoding.Create(table, DifferentialPrivacyTestData.Bounds);
        var rows = encoding.Encode();
        var n = table.RowCount;
        var d = encoding.Width;
        var m = encoding.ColumnCount;
        var std = new double[2];
        var epsilons = new[] { 1.0, 10.0 };
        for (var e = 0; e < 2; e++)
        {
            var noise = new List<double>();
            var eps1 = epsilons[e] * 0.5;
            for (var s = 1UL; s <= 20; s++)
            {
                var seed = s + (e == 0 ? 0UL : 1000UL);
                var moments = PrivateMoments.Compute(rows, n, d, PrivateMoments.Sensitivity(m) / eps1, seed);
                if (stage == 1)
                {
                    noise.AddRange(moments.NoisySums.Zip(moments.ExactSums, (a, b) => a - b));
                    continue;
                }

                // Fixed grid (from ε₁ = 10⁶) so only the stage-2 noise varies with ε.
                var fixedMoments = PrivateMoments.Compute(rows, n, d, PrivateMoments.Sensitivity(m) / 1e6, 99);
                var grid = new CellGrid(PrivateProjection.Fit(fixedMoments, d, 2), 5);
                var aggregates = PrivateCellAggregates.Compute(rows, n, d, grid, PrivateCellAggregates.Sensitivity(m) / eps1, seed);
                noise.AddRange(aggregates.Counts.Zip(aggregates.ExactCounts, (a, b) => a - b));
            }

            std[e] = StandardDeviation([.. noise]);
            var expected = Math.Sqrt(2) * (stage == 1 ? PrivateMoments.Sensitivity(m) : PrivateCellAggregates.Sensitivity(m)) / eps1;
            Assert.InRange(std[e] / expected, 0.85, 1.15);
        }

        output.WriteLine($"stage {stage}: noise std at ε=1 {std[0]:F3}, at ε=10 {std[1]:F4}, ratio {std[0] / std[1]:F3}");
        return std[0] / std[1];
    }

    private static double StandardDeviation(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }
}
