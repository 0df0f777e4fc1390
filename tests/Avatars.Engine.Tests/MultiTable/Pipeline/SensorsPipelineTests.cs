using Avatars.Data;
using Avatars.Engine.Avatarization;
using Avatars.Engine.Metrics.Privacy;
using Avatars.Engine.MultiTable.Pipeline;
using Avatars.Engine.MultiTable.Relinking;
using Avatars.Engine.TimeSeries;

namespace Avatars.Engine.Tests.MultiTable.Pipeline;

/// <summary>
/// Issue 6 acceptance for time series on the Tutorial 4 tables (vanilla 200 individuals, sensor1 and sensor2 series;
/// ../shared/data): every avatar series has a length and a time span within the original ranges, the pointwise
/// Hellinger mean is at most 0.2 with the default parameters, and the hidden rate of each series table (measured on
/// the projected series, method.md §5.3) is at least 90 %.
/// </summary>
public sealed class SensorsPipelineTests(ITestOutputHelper output)
{
    private const ulong Seed = 42;

    /// <summary>
    /// Default parameters (FPCA, nf = 10, max alignment): plausible series, pointwise Hellinger ≤ 0.2 and hidden rate
    /// on the projected series ≥ 90 % on both series tables, over eight seeds.
    /// </summary>
    [Theory]
    [InlineData(42UL)]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    [InlineData(5UL)]
    [InlineData(6UL)]
    [InlineData(7UL)]
    public async Task Default_time_series_parameters_meet_the_targets(ulong seed)
    {
        var (tables, links) = await SchemaAsync(settings: null);
        var result = MultiTableAvatarizer.Avatarize(tables, links, new MultiTableOptions { Seed = seed }, cancellationToken: TestContext.Current.CancellationToken);

        var vanilla = tables[0].Data.Drop("id");
        var vanillaPrivacy = PrivacyEvaluator.Evaluate(vanilla, result["vanilla"].SensitiveUnshuffled.Select(vanilla.ColumnNames), cancellationToken: TestContext.Current.CancellationToken);
        output.WriteLine($"seed {seed} vanilla: hidden rate on its own variables {vanillaPrivacy.HiddenRate.Value:F1} %");
        foreach (var name in new[] { "sensor1", "sensor2" })
        {
            var (pointwise, hiddenRate) = Measure(tables, result, name);
            output.WriteLine($"seed {seed} {name}: pointwise Hellinger {pointwise:F4}, hidden rate on the projected series {hiddenRate:F1} %");
            AssertPlausible(tables.Single(t => t.Name == name).Data, result[name].Avatars, result["vanilla"].Avatars);
            Assert.True(pointwise <= TimeSeriesSignalMetrics.PointwiseTarget, $"{name}: pointwise Hellinger mean {pointwise:F4}");
            Assert.True(hiddenRate >= 90, $"{name}: hidden rate {hiddenRate:F1} %");
        }
    }

    [Theory]
    [InlineData(42UL)]
    [InlineData(1UL)]
    [InlineData(7UL)]
    public async Task Tutorial_4_parameters_give_plausible_series_within_the_pointwise_target(ulong seed)
    {
        var (tables, links) = await SchemaAsync(new TimeSeriesSettings { ProjectionType = SeriesProjectionType.Flatten, Nf = 10 });
        var result = MultiTableAvatarizer.Avatarize(tables, links, new MultiTableOptions { Seed = seed }, cancellationToken: TestContext.Current.CancellationToken);
        foreach (var name in new[] { "sensor1", "sensor2" })
        {
            var (pointwise, hiddenRate) = Measure(tables, result, name);
            output.WriteLine($"flatten seed {seed} {name}: pointwise Hellinger {pointwise:F4}, hidden rate on the projected series {hiddenRate:F1} %");
            AssertPlausible(tables.Single(t => t.Name == name).Data, result[name].Avatars, result["vanilla"].Avatars);
            Assert.True(pointwise <= TimeSeriesSignalMetrics.PointwiseTarget, $"{name}: pointwise Hellinger mean {pointwise:F4}");
        }
    }

    private static (double Pointwise, double HiddenRate) Measure(List<MultiTableSource> tables, MultiTableResult result, string name)
    {
        var source = tables.Single(t => t.Name == name);
        var settings = source.TimeSeries ?? new TimeSeriesSettings();
        var signal = TimeSeriesEvaluation.Evaluate(source.Data, result[name].Avatars, "id", "t", ["primary_key"], settings);
        var encoding = TimeSeriesEncoder.Encode(source.Data, "id", "t", ["primary_key"], name + "__", settings);
        var vanilla = tables.Single(t => t.Name == "vanilla").Data;
        var (original, avatars) = SeriesPrivacyPairs.Pair(encoding, vanilla["id"], result[name].Avatars, result["vanilla"].SensitiveUnshuffled["id"]);
        var privacy = PrivacyEvaluator.Evaluate(original, avatars, cancellationToken: TestContext.Current.CancellationToken);
        return (signal.PointwiseHellingerMean, privacy.HiddenRate.Value);
    }

    /// <summary>Each avatar series: original columns and types, its id an existing parent avatar key, length and span within the original ranges.</summary>
    private static void AssertPlausible(Table original, Table avatars, Table parentAvatars)
    {
        Assert.Equal(original.ColumnNames, avatars.ColumnNames);
        Assert.Equal(original.Columns.Select(c => c.Type), avatars.Columns.Select(c => c.Type));
        var originalSeries = SeriesAlignment.Align(original, "id", "t", excludedColumns: ["primary_key"]);
        var avatarSeries = SeriesAlignment.Align(avatars, "id", "t", excludedColumns: ["primary_key"]);
        var times = ((IntColumn)original["t"]).Values.ToArray();
        Assert.Equal(parentAvatars.RowCount, avatarSeries.Count);
        var parentKeys = Enumerable.Range(0, parentAvatars.RowCount).Select(i => parentAvatars["id"].FormatValue(i)).ToHashSet();
        Assert.All(Enumerable.Range(0, avatars.RowCount), i => Assert.Contains(avatars["id"].FormatValue(i), parentKeys));
        for (var i = 0; i < avatarSeries.Count; i++)
        {
            Assert.InRange(avatarSeries.Lengths[i], originalSeries.Lengths.Min(), originalSeries.Lengths.Max());
            Assert.InRange(avatarSeries.Starts[i], times.Min(), times.Max());
            Assert.InRange(avatarSeries.Starts[i] + avatarSeries.Durations[i], times.Min(), times.Max());
        }

        Assert.Equal(Enumerable.Range(1, avatars.RowCount).Select(i => (long)i), ((IntColumn)avatars["primary_key"]).Values.ToArray());
    }

    internal static async Task<(List<MultiTableSource> Tables, List<MultiTableLink> Links)> SchemaAsync(TimeSeriesSettings? settings, int k = 5)
    {
        var vanilla = await ReadAsync("sensors_vanilla.csv");
        var sensor1 = await ReadAsync("sensors_timeseries1.csv");
        var sensor2 = await ReadAsync("sensors_timeseries2.csv");
        List<MultiTableSource> tables =
        [
            new(vanilla, "vanilla", "id", [], new StandardTableAvatarization(new AvatarizationOptions { K = k })),
            new(sensor1, "sensor1", "primary_key", ["id"], null, "t", settings),
            new(sensor2, "sensor2", "primary_key", ["id"], null, "t", settings),
        ];
        List<MultiTableLink> links =
        [
            new("vanilla", "id", "sensor1", "id", RelinkMethod.TimeSeries),
            new("vanilla", "id", "sensor2", "id", RelinkMethod.TimeSeries),
        ];
        return (tables, links);
    }

    private static async Task<Table> ReadAsync(string file) =>
        (await TableReader.ReadCsvAsync(Avatars.Testing.SharedData.PathOf("avatar-python/" + file), cancellationToken: TestContext.Current.CancellationToken))
        .WithName(Path.GetFileNameWithoutExtension(file));
}
