using Avatars.Engine.Privacy;
using Avatars.Engine.Randomness;

namespace Avatars.Engine.Tests.Privacy;

/// <summary>DP bounds: the public grid, accuracy at large ε·n, spread at small ε, sensitivity, sampler, ordering and validation.</summary>
public sealed class PrivateBoundsTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<double> Grid = PrivateBounds.CandidateGrid;

    [Fact]
    public void CandidateGrid_IsAFixedSymmetricIncreasingGridFromMinusToPlus1e9()
    {
        Assert.Equal(243, Grid.Count);
        Assert.Equal(-1e9, Grid[0]);
        Assert.Equal(1e9, Grid[^1]);
        Assert.Equal(0, Grid[121]);
        Assert.Equal(1e-3, Grid[122]);
        for (var j = 1; j < Grid.Count; j++)
        {
            Assert.True(Grid[j] > Grid[j - 1], $"grid not increasing at {j}");
        }

        for (var j = 0; j < Grid.Count; j++)
        {
            Assert.Equal(-Grid[j], Grid[Grid.Count - 1 - j]);
        }

        // R10 preferred numbers in one decade.
        Assert.Equal([10, 12.5, 16, 20, 25, 31.5, 40, 50, 63, 80, 100], Grid.Where(g => g is >= 10 and <= 100));
        Assert.Throws<NotSupportedException>(() => ((IList<double>)Grid)[0] = 1);
    }

    [Fact]
    public void CandidateGrid_DoesNotDependOnTheData()
    {
        var before = Grid.ToArray();
        PrivateBounds.Estimate(Normal(1000, 50, 10, 1), 1, 0.05, 0.95, 1);
        PrivateBounds.Estimate(Normal(1000, -3e6, 1e5, 2), 1, 0.01, 0.99, 2);
        PrivateBounds.Estimate([1e15, -1e15], 1, 0.05, 0.95, 3);
        Assert.Equal(before, PrivateBounds.CandidateGrid);
    }

    [Theory]
    [InlineData(50.0, 10.0, 0.05, 0.95)]
    [InlineData(50.0, 10.0, 0.02, 0.98)]
    [InlineData(-3.0, 2.0, 0.05, 0.95)]
    [InlineData(2e5, 5e4, 0.01, 0.99)]
    public void LargeSample_AtEpsilonTen_GivesTheGridPointsAroundTheTrueQuantiles(double mean, double sd, double lowerQ, double upperQ)
    {
        var values = Normal(20000, mean, sd, 7);
        var (idealLower, idealUpper) = Ideal(values, lowerQ, upperQ);
        for (var seed = 1UL; seed <= 20; seed++)
        {
            var b = PrivateBounds.Estimate(values, 10, lowerQ, upperQ, seed);
            Assert.InRange(IndexOf(b.Lower), idealLower - 1, idealLower + 1);
            Assert.InRange(IndexOf(b.Upper), idealUpper - 1, idealUpper + 1);
        }
    }

    /// <summary>Over 50 seeds, ε = 10 is always within one grid step of the ideal points; ε = 0.1 (n·ε = 200) spreads far wider.</summary>
    [Fact]
    public void SmallEpsilon_SpreadsTheBoundsFarWiderThanLargeEpsilon_Over50Seeds()
    {
        var values = Normal(2000, 50, 10, 3);
        var (idealLower, idealUpper) = Ideal(values, PrivateBounds.DefaultLowerQuantile, PrivateBounds.DefaultUpperQuantile);
        (double MeanSteps, int WithinOne, double MedianWidth) Measure(double epsilon)
        {
            var bounds = Enumerable.Range(1, 50)
                .Select(s => PrivateBounds.Estimate(values, epsilon, PrivateBounds.DefaultLowerQuantile, PrivateBounds.DefaultUpperQuantile, (ulong)s + (epsilon > 1 ? 0UL : 1000UL)))
                .ToArray();
            var steps = bounds.Select(b => Math.Max(Math.Abs(IndexOf(b.Lower) - idealLower), Math.Abs(IndexOf(b.Upper) - idealUpper))).ToArray();
            var widths = bounds.Select(b => b.Upper - b.Lower).Order().ToArray();
            return (steps.Average(), steps.Count(s => s <= 1), widths[25]);
        }

        var large = Measure(10);
        var small = Measure(0.1);
        output.WriteLine($"ideal [{Grid[idealLower]}, {Grid[idealUpper]}]; ε=10: mean grid steps off {large.MeanSteps:F2}, within one step {large.WithinOne}/50, median width {large.MedianWidth:G4}; " +
                         $"ε=0.1: mean grid steps off {small.MeanSteps:F2}, within one step {small.WithinOne}/50, median width {small.MedianWidth:G4}");
        Assert.Equal(50, large.WithinOne);
        Assert.True(small.WithinOne < 25, $"ε = 0.1 was within one step in {small.WithinOne}/50 runs");
        Assert.True(small.MeanSteps > 10 * Math.Max(large.MeanSteps, 0.1));
        Assert.True(small.MedianWidth > 10 * large.MedianWidth);
    }

    [Fact]
    public void Bounds_AreAlwaysOrderedGridPoints_EvenForDegenerateData()
    {
        double[][] samples =
        [
            [],
            [5],
            [5, 5, 5, 5],
            [1e15, 1e16],
            [-1e15, -1e16],
            [0, 0, 0],
            Normal(100, 0, 1, 4),
        ];
        foreach (var values in samples)
        {
            foreach (var epsilon in new[] { 0.01, 1, 100 })
            {
                for (var seed = 1UL; seed <= 30; seed++)
                {
                    var b = PrivateBounds.Estimate(values, epsilon, 0.05, 0.95, seed);
                    Assert.True(b.Lower < b.Upper, $"[{b.Lower}, {b.Upper}] for {values.Length} values, ε = {epsilon}");
                    Assert.Contains(b.Lower, Grid);
                    Assert.Contains(b.Upper, Grid);
                }
            }
        }

        // A constant column: the grid point below and the one above.
        var constant = PrivateBounds.Estimate(Enumerable.Repeat(40.0, 5000).ToArray(), 100, 0.05, 0.95, 1);
        Assert.Equal(new ColumnBounds(40, 50), constant);
    }

    [Fact]
    public void SameSeed_GivesTheSameBounds()
    {
        var values = Normal(300, 10, 3, 5);
        Assert.Equal(PrivateBounds.Estimate(values, 0.5, 0.05, 0.95, 9), PrivateBounds.Estimate(values, 0.5, 0.05, 0.95, 9));
        Assert.Contains(Enumerable.Range(10, 20), s => PrivateBounds.Estimate(values, 0.5, 0.05, 0.95, (ulong)s) != PrivateBounds.Estimate(values, 0.5, 0.05, 0.95, 9));
    }

    /// <summary>Replacing one row moves every utility by at most 1 (the sensitivity the ε/2 per selection relies on).</summary>
    [Fact]
    public void ReplacingOneRow_ChangesEveryUtilityByAtMostOne()
    {
        var random = new Random(17);
        double[] specials = [0, 1e12, -1e12, 20, 25, 1e9, -1e9, 0.001, double.PositiveInfinity, double.NegativeInfinity];
        var worst = 0.0;
        for (var trial = 0; trial < 300; trial++)
        {
            var n = random.Next(1, 60);
            var values = Enumerable.Range(0, n).Select(_ => random.Next(3) switch
            {
                0 => specials[random.Next(specials.Length)],
                1 => random.Next(15, 30),
                _ => (random.NextDouble() - 0.3) * 100,
            }).ToArray();
            var neighbour = values.ToArray();
            neighbour[random.Next(n)] = random.Next(2) == 0 ? specials[random.Next(specials.Length)] : (random.NextDouble() - 0.5) * 1e4;
            foreach (var (lq, uq) in new[] { (0.05, 0.95), (0.0, 1.0), (0.3, 0.31) })
            {
                var a = PrivateBounds.Utilities([.. values.Order()], lq, uq);
                var b = PrivateBounds.Utilities([.. neighbour.Order()], lq, uq);
                for (var j = 0; j < Grid.Count; j++)
                {
                    worst = Math.Max(worst, Math.Max(Math.Abs(a.Lower[j] - b.Lower[j]), Math.Abs(a.Upper[j] - b.Upper[j])));
                }
            }
        }

        output.WriteLine($"largest utility change over 900 neighbouring pairs: {worst}");
        Assert.True(worst <= 1 + 1e-9, $"utility changed by {worst}"); // 1 exactly, up to the rounding of q·n
    }

    [Fact]
    public void UtilityIsZero_OnlyOnTheGridPointsAroundTheQuantiles()
    {
        var values = Enumerable.Range(0, 1000).Select(i => 20 + (i * 0.05)).ToArray(); // uniform on [20, 70)
        var (lower, upper) = PrivateBounds.Utilities(values, 0.05, 0.95);
        Assert.Equal([20.0], Enumerable.Range(0, Grid.Count).Where(j => lower[j] == 0).Select(j => Grid[j]));
        Assert.Equal([80.0], Enumerable.Range(0, Grid.Count).Where(j => upper[j] == 0).Select(j => Grid[j]));
        Assert.Equal(-50, lower[IndexOf(-1e9)]);
        Assert.Equal(-950, lower[IndexOf(1e9)]);
    }

    [Fact]
    public void GumbelMaxSelection_FollowsTheExponentialMechanismProbabilities()
    {
        double[] utility = [0, -1, -2, -5];
        var random = new RowRandom(3, 99, 0);
        var counts = new int[utility.Length];
        const int draws = 100_000;
        for (var i = 0; i < draws; i++)
        {
            counts[PrivateBounds.Select(utility, 0.7, ref random)]++;
        }

        var weights = utility.Select(u => Math.Exp(0.7 * u)).ToArray();
        for (var j = 0; j < utility.Length; j++)
        {
            Assert.InRange(counts[j] / (double)draws, (weights[j] / weights.Sum()) - 0.006, (weights[j] / weights.Sum()) + 0.006);
        }
    }

    [Fact]
    public void InvalidArguments_AreRejected()
    {
        Assert.Contains("epsilon = 0 must be a finite number greater than 0.", Assert.Throws<ArgumentException>(() => PrivateBounds.Estimate([1.0, 2], 0, 0.05, 0.95, 1)).Message);
        Assert.Contains("epsilon = NaN", Assert.Throws<ArgumentException>(() => PrivateBounds.Estimate([1.0, 2], double.NaN, 0.05, 0.95, 1)).Message);
        Assert.Contains("0 ≤ lower < upper ≤ 1 (got 0.9 and 0.1)", Assert.Throws<ArgumentException>(() => PrivateBounds.Estimate([1.0, 2], 1, 0.9, 0.1, 1)).Message);
        Assert.Contains("(got -0.1 and 0.5)", Assert.Throws<ArgumentException>(() => PrivateBounds.Estimate([1.0, 2], 1, -0.1, 0.5, 1)).Message);
        Assert.Contains("missing values (NaN)", Assert.Throws<ArgumentException>(() => PrivateBounds.Estimate([1.0, double.NaN], 1, 0.05, 0.95, 1)).Message);
    }

    /// <summary>The index of the largest grid point ≤ the lower empirical quantile and of the smallest ≥ the upper one.</summary>
    private static (int Lower, int Upper) Ideal(double[] values, double lowerQ, double upperQ)
    {
        var sorted = values.Order().ToArray();
        var lowerValue = sorted[(int)Math.Floor(lowerQ * sorted.Length)];
        var upperValue = sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(upperQ * sorted.Length) - 1)];
        var lower = Enumerable.Range(0, Grid.Count).Last(j => Grid[j] <= lowerValue);
        var upper = Enumerable.Range(0, Grid.Count).First(j => Grid[j] >= upperValue);
        return (lower, upper);
    }

    private static int IndexOf(double gridPoint)
    {
        var index = Grid.ToList().IndexOf(gridPoint);
        Assert.True(index >= 0, $"{gridPoint} is not a grid point");
        return index;
    }

    private static double[] Normal(int n, double mean, double sd, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => mean + (sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))];
    }
}
