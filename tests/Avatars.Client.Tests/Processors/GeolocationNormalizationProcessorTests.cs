using Avatars.Client.Processors;
using Avatars.Data;
using static Avatars.Client.Tests.Processors.Tables;

namespace Avatars.Client.Tests.Processors;

public sealed class GeolocationNormalizationProcessorTests
{
    private static Table Source() => Of(Float("lat", 49.1, 49.2, 49.3, 49.3), Float("lon", 3.21, 3.19, 3.11, 3.18));

    [Fact]
    public void Documented_example_and_exact_inverse()
    {
        var processor = new GeolocationNormalizationProcessor("lat", "lon", nReferenceLat: 3, nBins: 5);
        var pre = processor.Preprocess(Source());
        Near([0.5, 0.5, 0.0, 1.0], pre.Doubles("lon"), 1e-12);
        Near([49.1, 49.2, 49.3, 49.3], pre.Doubles("lat"), 0);

        var post = processor.Postprocess(Source(), pre);
        Near([3.21, 3.19, 3.11, 3.18], post.Doubles("lon"), 1e-12);
    }

    [Fact]
    public void Column_names_are_honoured()
    {
        var source = Of(Float("latitude", 49.1, 49.2, 49.3, 49.3), Float("longitude", 3.21, 3.19, 3.11, 3.18), Cat("x", "a", "b", "c", "d"));
        var processor = new GeolocationNormalizationProcessor("latitude", "longitude", 3, 5);
        var pre = processor.Preprocess(source);
        Near([0.5, 0.5, 0.0, 1.0], pre.Doubles("longitude"), 1e-12);
        Assert.Equal(["latitude", "longitude", "x"], pre.ColumnNames);
    }

    [Theory]
    [InlineData(1, 4, 10)]
    [InlineData(2, 10, 3)]
    [InlineData(3, 2, 20)]
    public void Postprocessing_uniform_values_stays_within_the_original_longitudes(int seed, int references, int bins)
    {
        var random = new Random(seed);
        const int rows = 300;
        var lat = Enumerable.Range(0, rows).Select(_ => 45 + (random.NextDouble() * 5)).ToArray();
        var lon = lat.Select(l => (l < 47 ? 0 : 3) + (random.NextDouble() * 2)).ToArray();
        var source = Of(Float("lat", lat), Float("lon", lon));
        var processor = new GeolocationNormalizationProcessor("lat", "lon", references, bins);
        var pre = processor.Preprocess(source);
        Assert.Equal(rows, pre.RowCount);
        Assert.All(pre.Doubles("lon"), v => Assert.InRange(v, 0, 1));

        var dest = Of(Float("lat", lat), Float("lon", Enumerable.Range(0, rows).Select(_ => random.NextDouble()).ToArray()));
        var post = processor.Postprocess(source, dest);
        Assert.Equal(rows, post.RowCount);
        Assert.All(post.Doubles("lon"), v => Assert.InRange(v, lon.Min(), lon.Max()));
    }

    [Fact]
    public void Round_trip_on_generated_points()
    {
        var random = new Random(11);
        var lat = Enumerable.Range(0, 100).Select(_ => random.NextDouble()).ToArray();
        var lon = Enumerable.Range(0, 100).Select(_ => random.NextDouble() * 10).ToArray();
        var source = Of(Float("lat", lat), Float("lon", lon));
        var processor = new GeolocationNormalizationProcessor("lat", "lon", 5, 8);
        Near(lon, processor.Postprocess(source, processor.Preprocess(source)).Doubles("lon"), 1e-9);
    }

    [Fact]
    public void Single_longitude_per_band_uses_a_unit_range()
    {
        // numpy widens the range to [4.5, 5.5]: 5 opens the third of four bins, the only occupied one.
        var source = Of(Float("lat", 1, 2), Float("lon", 5, 5));
        var processor = new GeolocationNormalizationProcessor("lat", "lon", 2, 4);
        var pre = processor.Preprocess(source);
        Near([0, 0], pre.Doubles("lon"), 1e-12);
        Near([5, 5], processor.Postprocess(source, pre).Doubles("lon"), 1e-12);
    }

    [Fact]
    public void Errors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GeolocationNormalizationProcessor("lat", "lon", 1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GeolocationNormalizationProcessor("lat", "lon", 3, 0));
        var processor = new GeolocationNormalizationProcessor("y", "lon", 3, 5);
        Assert.Contains("'y'", Assert.Throws<ArgumentException>(() => processor.Preprocess(Source())).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => new GeolocationNormalizationProcessor("lat", "lon", 3, 5).Postprocess(Source(), Source()));
        var nulls = Of(Float("lat", 1, double.NaN), Float("lon", 1, 2));
        Assert.Throws<ArgumentException>(() => new GeolocationNormalizationProcessor("lat", "lon", 3, 5).Preprocess(nulls));
    }

    [Fact]
    public void All_processors_implement_the_contract()
    {
        var processors = typeof(IProcessor).Assembly.GetExportedTypes()
            .Where(t => t.Name.EndsWith("Processor", StringComparison.Ordinal) && t.IsClass)
            .ToArray();
        Assert.Equal(12, processors.Length);
        Assert.All(processors, t => Assert.True(typeof(IProcessor).IsAssignableFrom(t), t.Name));
    }
}
