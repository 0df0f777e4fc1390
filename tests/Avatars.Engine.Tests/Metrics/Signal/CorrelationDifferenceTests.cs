using Avatars.Data;
using Avatars.Engine.Metrics.Signal;

namespace Avatars.Engine.Tests.Metrics.Signal;

/// <summary>Correlation difference ratio: hand-checked values, constant columns, pairwise-complete rows.</summary>
public sealed class CorrelationDifferenceTests
{
    // x = 1, 2, 3, 4 and y = 1, 2, 3, 5: deviations x (−1.5, −0.5, 0.5, 1.5), y (−1.75, −0.75, 0.25, 2.25);
    // Σdxdy = 6.5, Σdx² = 5, Σdy² = 8.75 → ρ = 6.5 / √43.75 ≈ 0.982708.
    private static readonly double RhoXY = 6.5 / Math.Sqrt(43.75);

    [Fact]
    public void SinglePair_IsOneHundredTimesTheAbsoluteDifference()
    {
        // Avatars y = 4, 3, 2, 1 → ρ = −1. CD = 100 · |0.982708 + 1| ≈ 198.2708.
        var original = Table(("x", [1, 2, 3, 4]), ("y", [1, 2, 3, 5]));
        var avatars = Table(("x", [1, 2, 3, 4]), ("y", [4, 3, 2, 1]));

        var result = CorrelationDifference.Compute(original, avatars, ["x", "y"], TestContext.Current.CancellationToken);

        Assert.Equal(100 * (RhoXY + 1), result.Ratio, 1e-10);
        Assert.Equal(198.2708, result.Ratio, 1e-4);
        var pair = Assert.Single(result.Pairs);
        Assert.Equal(("x", "y"), (pair.First, pair.Second));
        Assert.Equal(RhoXY, pair.Original, 1e-12);
        Assert.Equal(-1, pair.Avatar, 1e-12);
        Assert.Equal(4, pair.OriginalRows);
    }

    [Fact]
    public void Ratio_IsTheMeanOverPairs()
    {
        // Three columns, three pairs. Avatars swap z's sign: ρ(x,y) unchanged, ρ(x,z) and ρ(y,z) flip sign.
        // z = x² − 5x (−4, −6, −6, −4) is uncorrelated with x (ρ = 0) and ρ(y, z) = Σdy·dz / ... computed below.
        double[] x = [1, 2, 3, 4], y = [1, 2, 3, 5], z = [-4, -6, -6, -4];
        var rhoYZ = Pearson(y, z);
        var original = Table(("x", x), ("y", y), ("z", z));
        var avatars = Table(("x", x), ("y", y), ("z", z.Select(v => -v).ToArray()));

        var result = CorrelationDifference.Compute(original, avatars, ["x", "y", "z"], TestContext.Current.CancellationToken);

        Assert.Equal(3, result.ComparedPairCount);
        Assert.Equal(100 * (0 + 0 + (2 * Math.Abs(rhoYZ))) / 3, result.Ratio, 1e-10);
        Assert.Equal(("y", "z"), (result.WorstPairs(1)[0].First, result.WorstPairs(1)[0].Second));
        var matrix = result.Matrix(avatars: false);
        Assert.Equal(RhoXY, matrix[1, 0], 1e-12);
        Assert.Equal(1, matrix[2, 2]);
    }

    [Fact]
    public void ConstantColumn_SkipsItsPairsAndSaysWhy()
    {
        var original = Table(("x", [1, 2, 3, 4]), ("c", [7, 7, 7, 7]), ("y", [1, 2, 3, 5]));
        var avatars = Table(("x", [1, 2, 3, 4]), ("c", [1, 2, 3, 4]), ("y", [4, 3, 2, 1]));

        var result = CorrelationDifference.Compute(original, avatars, ["x", "c", "y"], TestContext.Current.CancellationToken);

        Assert.Equal(1, result.ComparedPairCount);
        Assert.Equal(100 * (RhoXY + 1), result.Ratio, 1e-10);
        var skipped = result.SkippedPairs.ToArray();
        Assert.Equal(2, skipped.Length);
        Assert.All(skipped, p => Assert.Contains("'c' is constant", p.SkipReason));
        Assert.All(skipped, p => Assert.Contains("original table", p.SkipReason));
        Assert.All(skipped, p => Assert.True(double.IsNaN(p.AbsoluteDifference)));
    }

    [Fact]
    public void ConstantDecimalColumn_IsDetectedDespiteRounding()
    {
        // 0.1 + 0.1 + 0.1 = 0.30000000000000004: the mean is not exactly 0.1, the shifted values are ±1e-17, not 0.
        var original = Table(("x", [1, 2, 3]), ("c", [0.1, 0.1, 0.1]));
        var withMissing = Table(("x", [1, 2, 3, double.NaN]), ("c", [0.1, 0.1, 0.1, 0.7]));

        var complete = CorrelationDifference.Compute(original, original, ["x", "c"], TestContext.Current.CancellationToken);
        var masked = CorrelationDifference.Compute(withMissing, withMissing, ["x", "c"], TestContext.Current.CancellationToken);

        Assert.Contains("'c' is constant", Assert.Single(complete.SkippedPairs).SkipReason);
        Assert.Contains("'c' is constant", Assert.Single(masked.SkippedPairs).SkipReason);
    }

    [Fact]
    public void ConstantInTheAvatarsOnly_IsAlsoSkipped()
    {
        var original = Table(("x", [1, 2, 3, 4]), ("y", [1, 2, 3, 5]));
        var avatars = Table(("x", [1, 2, 3, 4]), ("y", [2, 2, 2, 2]));

        var result = CorrelationDifference.Compute(original, avatars, ["x", "y"], TestContext.Current.CancellationToken);

        Assert.True(double.IsNaN(result.Ratio));
        Assert.Contains("avatars", Assert.Single(result.SkippedPairs).SkipReason);
    }

    [Fact]
    public void MissingValues_UsePairwiseCompleteRows()
    {
        // Row 5 has x missing, so y = 100 is left out of ρ(x, y) — which stays 0.982708 — but kept for ρ(y, w).
        var original = Table(("x", [1, 2, 3, 4, double.NaN]), ("y", [1, 2, 3, 5, 100]), ("w", [1, 2, 3, 5, 100]));
        var avatars = Table(("x", [4, double.NaN, 3, 2, 1]), ("y", [1, 9, 2, 3, 4]), ("w", [1, 9, 2, 3, 4]));

        var result = CorrelationDifference.Compute(original, avatars, ["x", "y", "w"], TestContext.Current.CancellationToken);

        var xy = result.Pairs[0];
        Assert.Equal(RhoXY, xy.Original, 1e-12);
        Assert.Equal(-1, xy.Avatar, 1e-12);
        Assert.Equal(4, xy.OriginalRows);
        Assert.Equal(4, xy.AvatarRows);
        var yw = result.Pairs[2];
        Assert.Equal(5, yw.OriginalRows);
        Assert.Equal(1, yw.Original, 1e-12);
    }

    [Fact]
    public void TooFewCompleteRows_SkipThePair()
    {
        var original = Table(("x", [1, double.NaN, 3]), ("y", [double.NaN, 2, 3]));
        var avatars = Table(("x", [1, 2, 3]), ("y", [1, 2, 3]));

        var result = CorrelationDifference.Compute(original, avatars, ["x", "y"], TestContext.Current.CancellationToken);

        Assert.Contains("fewer than two rows", Assert.Single(result.SkippedPairs).SkipReason);
    }

    [Fact]
    public void LargeOffsets_DoNotCancel()
    {
        // Timestamps-like values: 1e12 + small deviations must give the same ρ as the deviations alone.
        var original = Table(("x", [1e12 + 1, 1e12 + 2, 1e12 + 3, 1e12 + 4]), ("y", [1, 2, 3, 5]));
        var avatars = Table(("x", [1, 2, 3, 4]), ("y", [1, 2, 3, 5]));

        var result = CorrelationDifference.Compute(original, avatars, ["x", "y"], TestContext.Current.CancellationToken);

        Assert.Equal(RhoXY, result.Pairs[0].Original, 1e-12);
        Assert.Equal(0, result.Ratio, 1e-9);
    }

    [Fact]
    public void ManyRows_MatchATwoPassReference()
    {
        // Exercises the vectorised blocks, slices and masks: 10 007 rows (not a multiple of anything), 5 % missing.
        var random = new Random(3);
        const int n = 10_007;
        var columns = new double[4][];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = new double[n];
        }

        for (var i = 0; i < n; i++)
        {
            var u = random.NextDouble();
            columns[0][i] = u;
            columns[1][i] = u + random.NextDouble();
            columns[2][i] = random.NextDouble() < 0.05 ? double.NaN : (3 * u) - random.NextDouble();
            columns[3][i] = random.NextDouble() < 0.05 ? double.NaN : random.NextDouble();
        }

        var table = new Table(columns.Select((v, c) => (Column)new FloatColumn($"c{c}", v)));
        var result = CorrelationDifference.Compute(table, table, ["c0", "c1", "c2", "c3"], TestContext.Current.CancellationToken);

        var index = 0;
        for (var a = 0; a < 4; a++)
        {
            for (var b = a + 1; b < 4; b++, index++)
            {
                var complete = Enumerable.Range(0, n).Where(i => !double.IsNaN(columns[a][i]) && !double.IsNaN(columns[b][i])).ToArray();
                var expected = Pearson(complete.Select(i => columns[a][i]).ToArray(), complete.Select(i => columns[b][i]).ToArray());
                Assert.Equal(expected, result.Pairs[index].Original, 1e-12);
                Assert.Equal(complete.Length, result.Pairs[index].OriginalRows);
            }
        }

        Assert.Equal(0, result.Ratio);
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(5, 3)]
    [InlineData(40, 7)]
    public void ColumnGroups_CoverEveryPairOnce(int p, int wanted)
    {
        var pairs = p * (p - 1) / 2;
        var groups = PairwiseCorrelation.Groups(p, pairs, wanted);

        Assert.Equal(0, groups[0]);
        Assert.Equal(p - 1, groups[^1]);
        Assert.True(groups.Zip(groups.Skip(1)).All(g => g.First < g.Second));
        Assert.InRange(groups.Length - 1, 1, Math.Min(wanted, p - 1) + 1);
        Assert.Equal(pairs - 1, PairwiseCorrelation.PairIndex(p - 2, p - 1, p));
    }

    [Fact]
    public void OneSliceWithColumnGroups_GivesTheSameCorrelations()
    {
        // A tiny accumulator budget forces one slice split into column groups (the wide-table path).
        var random = new Random(11);
        var columns = Enumerable.Range(0, 12).Select(c => Enumerable.Range(0, 5_000)
            .Select(i => c % 3 == 0 && random.NextDouble() < 0.1 ? double.NaN : (i % 97 * (c + 1)) + random.NextDouble()).ToArray()).ToArray();

        // Compute consumes (shifts) its input: give each call a copy.
        double[][] Copy() => columns.Select(c => (double[])c.Clone()).ToArray();
        var sliced = PairwiseCorrelation.Compute(Copy(), TestContext.Current.CancellationToken);
        var grouped = PairwiseCorrelation.Compute(Copy(), TestContext.Current.CancellationToken, maxAccumulatorBytes: 1);

        Assert.Equal(66, grouped.Length);
        for (var pair = 0; pair < grouped.Length; pair++)
        {
            Assert.Equal(sliced[pair].Count, grouped[pair].Count);
            Assert.Equal(sliced[pair].Rho, grouped[pair].Rho, 1e-12);
        }

        var (a, b) = (3, 7);
        var complete = Enumerable.Range(0, 5_000).Where(i => !double.IsNaN(columns[a][i]) && !double.IsNaN(columns[b][i])).ToArray();
        var expected = Pearson(complete.Select(i => columns[a][i]).ToArray(), complete.Select(i => columns[b][i]).ToArray());
        Assert.Equal(expected, grouped[PairwiseCorrelation.PairIndex(a, b, 12)].Rho, 1e-12);
    }

    [Fact]
    public void CancelledToken_Stops()
    {
        var table = Table(("x", [1, 2, 3]), ("y", [1, 2, 4]));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => CorrelationDifference.Compute(table, table, ["x", "y"], cancelled.Token));
    }

    [Fact]
    public void CategoricalColumns_AreRejected()
    {
        var table = new Table([new FloatColumn("x", [1, 2]), CategoryColumn.FromValues("g", ["a", "b"])], "t");

        var error = Assert.Throws<ArgumentException>(() => CorrelationDifference.Compute(table, table, ["x", "g"], TestContext.Current.CancellationToken));

        Assert.Contains("'g'", error.Message);
    }

    /// <summary>Two-pass Pearson correlation.</summary>
    internal static double Pearson(double[] x, double[] y)
    {
        var mx = x.Average();
        var my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    private static Table Table(params (string Name, double[] Values)[] columns) =>
        new(columns.Select(c => (Column)new FloatColumn(c.Name, c.Values)), "t");
}
