using Avatars.Data;
using Avatars.Engine.TimeSeries;

namespace Avatars.Engine.Tests.TimeSeries;

/// <summary>FPCA and flatten: score columns, nf capping, round trips, eigenfunction form of the reconstruction.</summary>
public sealed class SeriesProjectionTests
{
    private static AlignedSeries Aligned(int individuals = 40, int grid = 12) =>
        SeriesAlignment.Align(SyntheticSeries.Create(individuals, 6, 18, seed: 3), "id", "t", ["a", "b"], AlignmentMethod.Specified, grid);

    [Fact]
    public void Fpca_WithFullRank_ReconstructsTheAlignedCurves()
    {
        var aligned = Aligned();
        var ct = TestContext.Current.CancellationToken;

        var projection = SeriesProjection.Fit(aligned.Curves, SeriesProjectionType.Fpca, nf: 100, ct);
        var scores = projection.Scores(aligned.Curves, ct);
        var rebuilt = projection.Reconstruct(scores, ct);

        Assert.Equal([12, 12], projection.ComponentCounts);
        Assert.Equal(24, scores.ColumnCount);
        Assert.Equal("a_fpca_1", scores[0].Name);
        Assert.Equal("b_fpca_12", scores[23].Name);
        AssertClose(aligned.Curves, rebuilt, 1e-9);
    }

    [Fact]
    public void Fpca_CapsNfAtTheNumberOfIndividuals()
    {
        var aligned = Aligned(individuals: 5, grid: 12);

        var projection = SeriesProjection.Fit(aligned.Curves, nf: 10, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([5, 5], projection.ComponentCounts);
    }

    [Fact]
    public void Fpca_ReconstructionIsMeanCurvePlusScoresTimesEigenfunctions()
    {
        var aligned = Aligned();
        var ct = TestContext.Current.CancellationToken;
        var projection = SeriesProjection.Fit(aligned.Curves, nf: 3, cancellationToken: ct);
        var scores = projection.Scores(aligned.Curves, ct);
        var rebuilt = projection.Reconstruct(scores, ct);

        for (var v = 0; v < 2; v++)
        {
            var mean = projection.MeanCurve(v);
            var functions = Enumerable.Range(0, 3).Select(j => projection.Eigenfunction(v, j)).ToArray();
            var columns = Enumerable.Range(0, 3).Select(j => ((FloatColumn)scores[(v * 3) + j]).Values.ToArray()).ToArray();
            for (var i = 0; i < aligned.Count; i++)
            {
                for (var k = 0; k < 12; k++)
                {
                    var expected = mean[k] + Enumerable.Range(0, 3).Sum(j => columns[j][i] * functions[j][k]);
                    Assert.Equal(expected, rebuilt.Curve(v, i)[k], 1e-9);
                }
            }
        }
    }

    [Fact]
    public void Fpca_FewComponents_StillCaptureMostOfTheCurves()
    {
        // a is level + amplitude·sin: two components carry nearly all of it.
        var aligned = Aligned(individuals: 60, grid: 20);
        var ct = TestContext.Current.CancellationToken;
        var projection = SeriesProjection.Fit(aligned.Curves, nf: 2, cancellationToken: ct);

        var rebuilt = projection.Reconstruct(projection.Scores(aligned.Curves, ct), ct);

        var original = aligned.Curves.Values(0).ToArray();
        var error = original.Zip(rebuilt.Values(0).ToArray(), (x, y) => (x - y) * (x - y)).Average();
        var variance = original.Select(x => (x - original.Average()) * (x - original.Average())).Average();
        Assert.True(error < 0.01 * variance, $"mean squared error {error} vs variance {variance}");
    }

    [Fact]
    public void Flatten_UsesTheGridValuesAsColumns_AndRoundTripsExactly()
    {
        var aligned = Aligned(grid: 6);
        var ct = TestContext.Current.CancellationToken;

        var projection = SeriesProjection.Fit(aligned.Curves, SeriesProjectionType.Flatten, nf: 2, ct);
        var scores = projection.Scores(aligned.Curves, ct);

        Assert.Equal(["a_t0", "a_t1", "a_t2", "a_t3", "a_t4", "a_t5", "b_t0", "b_t1", "b_t2", "b_t3", "b_t4", "b_t5"], scores.ColumnNames);
        Assert.Equal(aligned.Curves.Curve(1, 3)[4], ((FloatColumn)scores["b_t4"])[3]);
        AssertClose(aligned.Curves, projection.Reconstruct(scores, ct), 0);
        Assert.Throws<InvalidOperationException>(() => projection.Model(0));
    }

    [Fact]
    public void Errors_NameTheCause()
    {
        var aligned = Aligned();
        var ct = TestContext.Current.CancellationToken;
        Assert.Contains("time_series_nf is 0", Assert.Throws<TimeSeriesException>(() => SeriesProjection.Fit(aligned.Curves, nf: 0, cancellationToken: ct)).Message);
        var projection = SeriesProjection.Fit(aligned.Curves, nf: 2, cancellationToken: ct);
        var scores = projection.Scores(aligned.Curves, ct).Drop("b_fpca_2");
        Assert.Contains("'b_fpca_2'", Assert.Throws<TimeSeriesException>(() => projection.Reconstruct(scores, ct)).Message);
        var other = SeriesAlignment.Align(SyntheticSeries.Create(10, 6, 8, 1), "id", "t", ["a", "b"], AlignmentMethod.Specified, 5);
        Assert.Contains("grid size 5", Assert.Throws<TimeSeriesException>(() => projection.Scores(other.Curves, ct)).Message);
    }

    internal static void AssertClose(SeriesCurves expected, SeriesCurves actual, double tolerance)
    {
        Assert.Equal(expected.VariableNames, actual.VariableNames);
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.GridSize, actual.GridSize);
        for (var v = 0; v < expected.VariableNames.Count; v++)
        {
            var (e, a) = (expected.Values(v).ToArray(), actual.Values(v).ToArray());
            for (var i = 0; i < e.Length; i++)
            {
                Assert.Equal(e[i], a[i], tolerance);
            }
        }
    }
}
