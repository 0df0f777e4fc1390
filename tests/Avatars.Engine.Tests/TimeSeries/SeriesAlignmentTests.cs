using Avatars.Data;
using Avatars.Engine.TimeSeries;

namespace Avatars.Engine.Tests.TimeSeries;

/// <summary>Alignment: grouping, grid sizes, interpolation exactness, features and errors.</summary>
public sealed class SeriesAlignmentTests
{
    [Fact]
    public void Align_GroupsSortsAndKeepsFeatures()
    {
        var table = SyntheticSeries.Create(individuals: 25, minLength: 8, maxLength: 20, seed: 11);

        var aligned = SeriesAlignment.Align(table, "id", "t", method: AlignmentMethod.Max, excludedColumns: ["pk"]);

        Assert.Equal(25, aligned.Count);
        Assert.Equal(["a", "b"], aligned.Curves.VariableNames);
        Assert.Equal(aligned.Lengths.Max(), aligned.Curves.GridSize);
        Assert.Equal(table.RowCount, aligned.Lengths.Sum());
        Assert.Equal(ColumnType.Int, aligned.Ids[0].Type);
        Assert.Equal("id", aligned.Ids[0].Name);
        var ids = ((IntColumn)aligned.Ids[0]).Values.ToArray();
        Assert.Equal(25, ids.Distinct().Count());
        var times = ((FloatColumn)table["t"]).Values.ToArray();
        var idColumn = ((IntColumn)table["id"]).Values.ToArray();
        for (var i = 0; i < aligned.Count; i++)
        {
            var own = times.Where((_, r) => idColumn[r] == ids[i]).ToArray();
            Assert.Equal(own.Length, aligned.Lengths[i]);
            Assert.Equal(own.Min(), aligned.Starts[i]);
            Assert.Equal(own.Max() - own.Min(), aligned.Durations[i], 1e-12);
        }

        var features = aligned.Features("s__");
        Assert.Equal(["id", "s__length", "s__start", "s__duration"], features.ColumnNames);
        Assert.Equal(25, features.RowCount);
    }

    [Theory]
    [InlineData(AlignmentMethod.Max, null, 20)]
    [InlineData(AlignmentMethod.Min, null, 4)]
    [InlineData(AlignmentMethod.Mean, null, 11)]
    [InlineData(AlignmentMethod.Specified, 7, 7)]
    public void GridSize_FollowsTheMethod(AlignmentMethod method, int? nbPoints, int expected)
    {
        // Mean of 4, 9, 20 = 11.
        Assert.Equal(expected, SeriesAlignment.GridSize([4, 9, 20], method, nbPoints));
    }

    [Fact]
    public void GridSize_IsAtLeastTwo_AndSpecifiedNeedsPoints()
    {
        Assert.Equal(2, SeriesAlignment.GridSize([1, 1], AlignmentMethod.Max, null));
        var error = Assert.Throws<TimeSeriesException>(() => SeriesAlignment.GridSize([5], AlignmentMethod.Specified, null));
        Assert.Contains("nb_points ≥ 2", error.Message);
        Assert.Throws<TimeSeriesException>(() => SeriesAlignment.GridSize([5], AlignmentMethod.Specified, 1));
    }

    [Fact]
    public void Interpolation_IsExactOnLinearData()
    {
        // b = 1 + slope·t, so the value at normalised time g is 1 + slope·(start + g·duration) whatever the stamps.
        var table = SyntheticSeries.Create(individuals: 30, minLength: 3, maxLength: 15, seed: 5);
        var aligned = SeriesAlignment.Align(table, "id", "t", ["b"], AlignmentMethod.Specified, 13);
        var t = ((FloatColumn)table["t"]).Values.ToArray();
        var b = ((FloatColumn)table["b"]).Values.ToArray();
        var id = ((IntColumn)table["id"]).Values.ToArray();
        var ids = ((IntColumn)aligned.Ids[0]).Values.ToArray();

        for (var i = 0; i < aligned.Count; i++)
        {
            var rows = Enumerable.Range(0, t.Length).Where(r => id[r] == ids[i]).OrderBy(r => t[r]).ToArray();
            var slope = (b[rows[^1]] - b[rows[0]]) / (t[rows[^1]] - t[rows[0]]);
            var curve = aligned.Curves.Curve(0, i);
            for (var k = 0; k < 13; k++)
            {
                var time = aligned.Starts[i] + (aligned.Durations[i] * k / 12.0);
                Assert.Equal(b[rows[0]] + (slope * (time - t[rows[0]])), curve[k], 1e-9);
            }
        }
    }

    [Fact]
    public void Interpolation_HitsTheObservedPoints_WhenTheGridMatchesRegularStamps()
    {
        var table = new Table(
            [
                new IntColumn("id", [1, 1, 1, 2, 2, 2]),
                new IntColumn("t", [10, 12, 14, 0, 5, 10]),
                new FloatColumn("x", [1, 4, 2, -1, 0, 7]),
            ]);

        var aligned = SeriesAlignment.Align(table, "id", "t", method: AlignmentMethod.Max);

        Assert.Equal([1.0, 4, 2], aligned.Curves.Curve(0, 0).ToArray());
        Assert.Equal([-1.0, 0, 7], aligned.Curves.Curve(0, 1).ToArray());
        var fine = SeriesAlignment.Align(table, "id", "t", method: AlignmentMethod.Specified, nbPoints: 5);
        Assert.Equal([1.0, 2.5, 4, 3, 2], fine.Curves.Curve(0, 0).ToArray());
    }

    [Fact]
    public void SinglePointSeries_IsAConstantCurveOfDurationZero()
    {
        var table = new Table(
            [
                new CategoryColumn("id", [0, 1, 1], ["p", "q"]),
                new FloatColumn("t", [3, 0, 1]),
                new FloatColumn("x", [5, 1, 2]),
            ]);

        var aligned = SeriesAlignment.Align(table, "id", "t", method: AlignmentMethod.Specified, nbPoints: 3);

        Assert.Equal([5.0, 5, 5], aligned.Curves.Curve(0, 0).ToArray());
        Assert.Equal(1, aligned.Lengths[0]);
        Assert.Equal(0, aligned.Durations[0]);
        Assert.Equal(3, aligned.Starts[0]);
        Assert.Equal(ColumnType.Category, aligned.Ids[0].Type);
    }

    [Fact]
    public void Errors_NameTheCause()
    {
        var table = new Table(
            [
                new IntColumn("id", [1, 1, 2]),
                new FloatColumn("t", [0, double.NaN, 0]),
                new FloatColumn("x", [1, 2, double.NaN]),
                new CategoryColumn("c", [0, 0, 0], ["u"]),
            ]);

        Assert.Contains("'nope'", Assert.Throws<TimeSeriesException>(() => SeriesAlignment.Align(table, "nope", "t")).Message);
        Assert.Contains("'nope'", Assert.Throws<TimeSeriesException>(() => SeriesAlignment.Align(table, "id", "t", ["nope"])).Message);
        Assert.Contains("Value column 'x' has a missing", Assert.Throws<TimeSeriesException>(() => SeriesAlignment.Align(table, "id", "t", ["x"])).Message);
        Assert.Contains("'c' is category", Assert.Throws<TimeSeriesException>(() => SeriesAlignment.Align(table, "id", "t", ["c"])).Message);
        Assert.Contains("Time column 'c' is category", Assert.Throws<TimeSeriesException>(() => SeriesAlignment.Align(table, "id", "c", ["x"])).Message);
        var noMissingValues = table.Drop("x").WithColumn(new FloatColumn("x", [1, 2, 3]));
        Assert.Contains("Time column 't' has a missing", Assert.Throws<TimeSeriesException>(() => SeriesAlignment.Align(noMissingValues, "id", "t", ["x"])).Message);
    }

    [Fact]
    public async Task Sensors_AlignOnThirtyPoints()
    {
        var table = await SyntheticSeries.SensorsAsync("sensors_timeseries1.csv");

        var aligned = SeriesAlignment.Align(table, "id", "t", excludedColumns: ["primary_key"]);

        Assert.Equal(200, aligned.Count);
        Assert.Equal(["sensor1", "sensor2"], aligned.Curves.VariableNames);
        Assert.Equal(30, aligned.Curves.GridSize);
        Assert.All(aligned.Lengths, l => Assert.Equal(30, l));
    }
}
