using Avatars.Engine.Metrics.Privacy;

namespace Avatars.Engine.Tests.Metrics.Privacy;

public sealed class DistanceToClosestTests
{
    [Fact]
    public void SmallTable_GivesTheHandComputedDistancesAndRatios()
    {
        // Training points on a line: 0, 1, 3, 3 (two duplicates at 3).
        double[] training = [0, 1, 3, 3];
        // Synthetic 0.5: d1 = 0.5 (to 0), d2 = 0.5 (to 1) → DCR 0.5, NNDR 1.
        // Synthetic 1.2: d1 = 0.2 (to 1), d2 = 1.2 (to 0) → DCR 0.2, NNDR 0.2 / 1.2 = 1/6.
        // Synthetic 3:   d1 = 0, d2 = 0 (duplicate training rows) → DCR 0, NNDR 1 (d2 = 0 rule).
        // Synthetic 10:  d1 = 7, d2 = 7 → DCR 7, NNDR 1.
        // Synthetic -1:  d1 = 1 (to 0), d2 = 2 (to 1) → DCR 1, NNDR 0.5.
        double[] synthetic = [0.5, 1.2, 3, 10, -1];

        var result = DistanceToClosest.Compute(training, synthetic, 1, TestContext.Current.CancellationToken);

        Assert.Equal([0.5, 0.2, 0, 7, 1], result.Dcr.Select(v => Math.Round(v, 12)));
        Assert.Equal([1, 1.0 / 6, 1, 1, 0.5], result.Nndr.Select(v => Math.Round(v, 12)), (a, b) => Math.Abs(a - b) < 1e-12);
        // Sorted DCR 0, 0.2, 0.5, 1, 7: median 0.5; q05: h = 4·0.05 = 0.2 → 0 + 0.2·0.2 = 0.04; q95: h = 3.8 → 1 + 0.8·6 = 5.8.
        Assert.Equal(0.5, result.DcrSummary.Median, 12);
        Assert.Equal(0.04, result.DcrSummary.Q05, 12);
        Assert.Equal(5.8, result.DcrSummary.Q95, 12);
        Assert.Equal(1, result.NndrSummary.Median, 12);
    }

    [Fact]
    public void SyntheticRowsIdenticalToTraining_HaveZeroDcr()
    {
        double[] points = [0, 0, 1, 0, 0, 2, 5, 5, -3, 1];
        var result = DistanceToClosest.Compute(points, points, 2, TestContext.Current.CancellationToken);
        Assert.All(result.Dcr, d => Assert.Equal(0, d));
        Assert.All(result.Nndr, r => Assert.Equal(0, r));
        Assert.Equal(0, result.DcrSummary.Median);
    }

    [Fact]
    public void NeedsTwoTrainingRows()
    {
        var error = Assert.Throws<ArgumentException>(() => DistanceToClosest.Compute([1, 2], [1, 2], 2, TestContext.Current.CancellationToken));
        Assert.Contains("at least 2 training rows (got 1)", error.Message, StringComparison.Ordinal);
    }
}
