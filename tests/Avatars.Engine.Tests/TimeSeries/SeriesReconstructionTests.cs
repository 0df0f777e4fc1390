using Avatars.Data;
using Avatars.Engine.TimeSeries;

namespace Avatars.Engine.Tests.TimeSeries;

/// <summary>Back to a long table: lengths, time stamps, values, and the round trip through alignment.</summary>
public sealed class SeriesReconstructionTests
{
    [Theory]
    [InlineData(0.0, 2)]
    [InlineData(1.4, 2)]
    [InlineData(2.5, 3)]
    [InlineData(29.49, 29)]
    [InlineData(-3.0, 2)]
    [InlineData(double.NaN, 2)]
    public void RoundLength_IsAnIntegerOfAtLeastTwo(double length, int expected) =>
        Assert.Equal(expected, SeriesReconstruction.RoundLength(length));

    [Fact]
    public void ToLongTable_SpacesTheStampsEvenlyAndInterpolatesTheCurve()
    {
        var curves = new SeriesCurves(["x"], 2, 3, [new double[] { 0, 10, 20, 5, 5, 5 }]);
        var ids = new CategoryColumn("id", [0, 1], ["p", "q"]);

        var table = SeriesReconstruction.ToLongTable(ids, curves, [5.2, 1], [100, -1], [8, 3], "t");

        Assert.Equal(["id", "t", "x"], table.ColumnNames);
        Assert.Equal(7, table.RowCount);
        Assert.Equal(["p", "p", "p", "p", "p", "q", "q"], Enumerable.Range(0, 7).Select(r => table["id"].FormatValue(r)));
        Assert.Equal([100.0, 102, 104, 106, 108, -1, 2], ((FloatColumn)table["t"]).Values.ToArray());
        Assert.Equal([0.0, 5, 10, 15, 20, 5, 5], ((FloatColumn)table["x"]).Values.ToArray());
    }

    [Fact]
    public void ToLongTable_ChecksCounts()
    {
        var curves = new SeriesCurves(["x"], 1, 2, [new double[] { 0, 1 }]);
        var error = Assert.Throws<TimeSeriesException>(() => SeriesReconstruction.ToLongTable(new IntColumn("id", [1, 2]), curves, [2], [0], [1], "t"));
        Assert.Contains("1 curves but 2 ids", error.Message);
        Assert.Throws<TimeSeriesException>(() => SeriesReconstruction.ToLongTable(new IntColumn("id", [1]), curves, [2], [double.NaN], [1], "t"));
    }

    [Fact]
    public void AlignThenRebuild_WithOriginalFeatures_RealignsToTheSameCurves()
    {
        var table = SyntheticSeries.Create(individuals: 20, minLength: 5, maxLength: 12, seed: 8);
        var aligned = SeriesAlignment.Align(table, "id", "t", ["a", "b"], AlignmentMethod.Max);

        var rebuilt = SeriesReconstruction.ToLongTable(
            aligned.Ids[0], aligned.Curves, aligned.Lengths.Select(l => (double)l).ToArray(), aligned.Starts, aligned.Durations, "t");
        var realigned = SeriesAlignment.Align(rebuilt, "id", "t", ["a", "b"], AlignmentMethod.Specified, aligned.Curves.GridSize);

        Assert.Equal(aligned.Lengths, realigned.Lengths);
        Assert.Equal(table.RowCount, rebuilt.RowCount);
        for (var i = 0; i < aligned.Count; i++)
        {
            Assert.Equal(aligned.Starts[i], realigned.Starts[i], 1e-9);
            Assert.Equal(aligned.Durations[i], realigned.Durations[i], 1e-9);
        }

        // A series shorter than the grid loses the grid points between its stamps: compare only the full-length ones.
        var full = Enumerable.Range(0, aligned.Count).Where(i => aligned.Lengths[i] == aligned.Curves.GridSize).ToArray();
        Assert.NotEmpty(full);
        foreach (var i in full)
        {
            for (var v = 0; v < 2; v++)
            {
                Assert.Equal(aligned.Curves.Curve(v, i).ToArray(), realigned.Curves.Curve(v, i).ToArray(), (x, y) => Math.Abs(x - y) < 1e-9);
            }
        }
    }

    [Fact]
    public async Task Sensors_FpcaRoundTrip_KeepsEachTimeSpanWithinTheOriginalRange()
    {
        var ct = TestContext.Current.CancellationToken;
        var table = await SyntheticSeries.SensorsAsync("sensors_timeseries2.csv");
        var aligned = SeriesAlignment.Align(table, "id", "t", excludedColumns: ["primary_key"]);
        var projection = SeriesProjection.Fit(aligned.Curves, nf: 10, cancellationToken: ct);
        var curves = projection.Reconstruct(projection.Scores(aligned.Curves, ct), ct);

        var rebuilt = SeriesReconstruction.ToLongTable(
            aligned.Ids[0], curves, aligned.Lengths.Select(l => (double)l).ToArray(), aligned.Starts, aligned.Durations, "t");

        var originalTimes = ((IntColumn)table["t"]).Values.ToArray();
        var times = ((FloatColumn)rebuilt["t"]).Values.ToArray();
        Assert.Equal(table.RowCount, rebuilt.RowCount);
        Assert.InRange(times.Min(), originalTimes.Min(), originalTimes.Max());
        Assert.InRange(times.Max(), originalTimes.Min(), originalTimes.Max());
        Assert.Equal(["id", "t", "sensor3"], rebuilt.ColumnNames);
    }
}
