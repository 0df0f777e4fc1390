using Avatars.Engine.TimeSeries;

namespace Avatars.Engine.Tests.TimeSeries;

/// <summary>Pointwise and density Hellinger of aligned curves; the sensors FPCA representation check.</summary>
public sealed class TimeSeriesSignalMetricsTests
{
    [Fact]
    public void SameCurves_GiveZero()
    {
        var aligned = SeriesAlignment.Align(SyntheticSeries.Create(30, 5, 10, seed: 2), "id", "t", ["a", "b"], AlignmentMethod.Specified, 8);

        var result = TimeSeriesSignalMetrics.Compute(aligned.Curves, aligned.Curves);

        Assert.Equal(0, result.PointwiseHellingerMean);
        Assert.Equal(0, result.PointwiseHellingerStd);
        Assert.Equal(0, result.DensityHellingerMean);
        Assert.Equal(2, result.Variables.Count);
        Assert.All(result.Variables, v => Assert.Equal(8, v.Pointwise.Count));
    }

    [Fact]
    public void HandComputedCase()
    {
        // One grid point constant in both (distance 0), one with disjoint values (distance 1); with 2 bins the pooled
        // values are orig {0, 0, 1, 1} vs avatars {0, 0, 2, 2} over [0, 2]: bins [0,1) / [1,2] → (½, ½) vs (½, ½) → 0.
        var original = new SeriesCurves(["x"], 2, 2, [new double[] { 0, 1, 0, 1 }]);
        var avatars = new SeriesCurves(["x"], 2, 2, [new double[] { 0, 2, 0, 2 }]);

        var result = TimeSeriesSignalMetrics.Compute(original, avatars, bins: 2);

        Assert.Equal([0.0, 1.0], result.Variables[0].Pointwise);
        Assert.Equal(0.5, result.PointwiseHellingerMean, 1e-12);
        Assert.Equal(Math.Sqrt(0.5), result.PointwiseHellingerStd, 1e-12);
        Assert.Equal(0, result.DensityHellingerMean, 1e-12);
        Assert.True(double.IsNaN(result.DensityHellingerStd));
    }

    [Fact]
    public void ShiftedCurves_AreFarApart()
    {
        var aligned = SeriesAlignment.Align(SyntheticSeries.Create(50, 5, 10, seed: 4), "id", "t", ["a"], AlignmentMethod.Specified, 10);
        var shifted = new SeriesCurves(["a"], aligned.Count, 10, [aligned.Curves.Values(0).ToArray().Select(x => x + 10).ToArray()]);

        var result = TimeSeriesSignalMetrics.Compute(aligned.Curves, shifted);

        Assert.Equal(1, result.PointwiseHellingerMean, 1e-12);
    }

    [Fact]
    public void Errors_OnMismatchedGrids()
    {
        var a = new SeriesCurves(["x"], 1, 2, [new double[] { 0, 1 }]);
        var b = new SeriesCurves(["x"], 1, 3, [new double[] { 0, 1, 2 }]);
        Assert.Contains("grid size 2", Assert.Throws<TimeSeriesException>(() => TimeSeriesSignalMetrics.Compute(a, b)).Message);
    }

    [Theory]
    [InlineData("sensors_timeseries1.csv")]
    [InlineData("sensors_timeseries2.csv")]
    public async Task Sensors_FpcaTenComponents_PointwiseHellingerWithinTarget(string file)
    {
        var ct = TestContext.Current.CancellationToken;
        var table = await SyntheticSeries.SensorsAsync(file);
        var aligned = SeriesAlignment.Align(table, "id", "t", excludedColumns: ["primary_key"]);
        var projection = SeriesProjection.Fit(aligned.Curves, nf: 10, cancellationToken: ct);
        var rebuilt = projection.Reconstruct(projection.Scores(aligned.Curves, ct), ct);

        var result = TimeSeriesSignalMetrics.Compute(aligned.Curves, rebuilt);

        TestContext.Current.SendDiagnosticMessage(
            $"{file}: grid {aligned.Curves.GridSize}, pointwise mean {result.PointwiseHellingerMean:F4} std {result.PointwiseHellingerStd:F4}, density mean {result.DensityHellingerMean:F4}");
        Assert.True(result.PointwiseHellingerMean <= TimeSeriesSignalMetrics.PointwiseTarget, $"pointwise mean {result.PointwiseHellingerMean}");
    }
}
