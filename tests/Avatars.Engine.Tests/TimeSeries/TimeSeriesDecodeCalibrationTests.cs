using Avatars.Data;
using Avatars.Engine.TimeSeries;

namespace Avatars.Engine.Tests.TimeSeries;

/// <summary>The decoding calibrations the multi-table pipeline uses: features of other series, residual noise, per-point spread.</summary>
public sealed class TimeSeriesDecodeCalibrationTests
{
    private static readonly string[] Excluded = ["pk"];

    [Fact]
    public void FeaturesOf_the_original_series_are_the_encoded_features()
    {
        var series = SyntheticSeries.Create(40, 5, 12, seed: 3);
        var encoding = TimeSeriesEncoder.Encode(series, "id", "t", Excluded, "s__", new TimeSeriesSettings { Nf = 3 });
        var again = encoding.FeaturesOf(series);
        Assert.Equal(encoding.Features.ColumnNames, again.ColumnNames);
        foreach (var name in encoding.FeatureColumns)
        {
            var expected = ((FloatColumn)encoding.Features[name]).Values.ToArray();
            var actual = ((FloatColumn)again[name]).Values.ToArray();
            Assert.All(expected.Zip(actual), p => Assert.Equal(p.First, p.Second, 1e-9));
        }
    }

    [Fact]
    public void Residual_standard_deviation_is_zero_for_flatten_and_positive_for_a_truncated_fpca()
    {
        var series = SyntheticSeries.Create(40, 5, 12, seed: 3);
        var flatten = TimeSeriesEncoder.Encode(series, "id", "t", Excluded, "s__", new TimeSeriesSettings { ProjectionType = SeriesProjectionType.Flatten });
        var fpca = TimeSeriesEncoder.Encode(series, "id", "t", Excluded, "s__", new TimeSeriesSettings { Nf = 1 });
        Assert.All(flatten.ResidualStd(0).ToArray(), s => Assert.Equal(0, s, 1e-9));
        Assert.True(fpca.ResidualStd(0).ToArray().Max() > 0);
    }

    [Fact]
    public void Residual_noise_is_seeded_and_changes_the_values()
    {
        var series = SyntheticSeries.Create(40, 5, 12, seed: 3);
        var encoding = TimeSeriesEncoder.Encode(series, "id", "t", Excluded, "s__", new TimeSeriesSettings { Nf = 1 });
        var ids = encoding.Features["id"];
        Table Decode(bool noise, ulong seed) => encoding.Decode(encoding.Features, ids, new TimeSeriesDecodeOptions { AddResidualNoise = noise, NoiseSeed = seed });
        var value = series.ColumnNames.First(c => c is not ("id" or "t" or "pk"));
        Assert.Equal(Values(Decode(true, 5), value), Values(Decode(true, 5), value));
        Assert.NotEqual(Values(Decode(true, 5), value), Values(Decode(true, 6), value));
        Assert.NotEqual(Values(Decode(false, 5), value), Values(Decode(true, 5), value));
    }

    [Fact]
    public void Point_spread_gives_the_rebuilt_curves_the_original_mean_and_spread_at_each_grid_point()
    {
        var series = SyntheticSeries.Create(60, 8, 8, seed: 4);
        var encoding = TimeSeriesEncoder.Encode(series, "id", "t", Excluded, "s__", new TimeSeriesSettings { Nf = 1, Method = AlignmentMethod.Max });
        // Shrunk scores: what the barycentres of neighbours do to the features.
        var shrunk = encoding.Features;
        foreach (var name in encoding.FeatureColumns.Where(c => c.Contains("_fpca_", StringComparison.Ordinal)))
        {
            shrunk = shrunk.WithColumn(new FloatColumn(name, [.. ((FloatColumn)shrunk[name]).Values.ToArray().Select(v => v * 0.3)]));
        }

        var decoded = encoding.Decode(shrunk, shrunk["id"], new TimeSeriesDecodeOptions { RestorePointSpread = true });
        var original = SeriesAlignment.Align(series, "id", "t", excludedColumns: Excluded).Curves;
        var rebuilt = SeriesAlignment.Align(decoded, "id", "t", excludedColumns: Excluded).Curves;
        for (var k = 0; k < original.GridSize; k++)
        {
            var (m0, s0) = Stats(original, k);
            var (m1, s1) = Stats(rebuilt, k);
            Assert.Equal(m0, m1, 1e-6);
            Assert.Equal(s0, s1, 1e-6);
        }
    }

    private static (double Mean, double Std) Stats(SeriesCurves curves, int k)
    {
        var values = Enumerable.Range(0, curves.Count).Select(i => curves.Curve(0, i)[k]).ToArray();
        var mean = values.Average();
        return (mean, Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1)));
    }

    private static double[] Values(Table table, string column) =>
        [.. Enumerable.Range(0, table.RowCount).Select(i => Convert.ToDouble(table[column].GetValue(i), System.Globalization.CultureInfo.InvariantCulture))];
}
