using Avatars.Data;
using Avatars.Engine.Avatarization;
using Avatars.Engine.Metrics.Privacy;
using Avatars.Engine.TimeSeries;

namespace Avatars.Engine.Tests.TimeSeries;

/// <summary>
/// Acceptance of the time-series pipeline on the Tutorial 4 sensors data (skipped when the shared data are absent):
/// encode, left-join the features into the vanilla table, avatarize it (k = 5, fixed seed), decode the avatars'
/// series with new ids 1..n, and check spans, pointwise Hellinger and hidden rate.
/// </summary>
public sealed class TimeSeriesPipelineTests(ITestOutputHelper output)
{
    private const ulong Seed = 42;

    /// <summary>
    /// The default settings end to end: the avatar series have the original columns and types, lengths within the
    /// original min–max and spans within the original time range (a); the metrics are logged and must be defined.
    /// </summary>
    [Theory]
    [InlineData("sensors_timeseries1.csv")]
    [InlineData("sensors_timeseries2.csv")]
    public async Task Sensors_DefaultSettings_GivePlausibleSeries(string file)
    {
        var run = await RunAsync(file, new TimeSeriesSettings());

        AssertPlausible(run);
        Assert.InRange(run.Signal.PointwiseHellingerMean, 0, 1);
        Assert.InRange(run.HiddenRate, 0, 100);
    }

    /// <summary>
    /// Measurements for the documentation: other settings (incl. the vendor Tutorial 4's FLATTEN, nf = 10) and the opt-in
    /// <see cref="TimeSeriesDecodeOptions.RestoreScoreSpread"/>; only (a) is asserted, the numbers are logged.
    /// </summary>
    [Theory]
    [InlineData("sensors_timeseries1.csv", SeriesProjectionType.Fpca, 5, false)]
    [InlineData("sensors_timeseries1.csv", SeriesProjectionType.Fpca, 20, false)]
    [InlineData("sensors_timeseries1.csv", SeriesProjectionType.Flatten, 10, false)]
    [InlineData("sensors_timeseries1.csv", SeriesProjectionType.Fpca, 10, true)]
    [InlineData("sensors_timeseries1.csv", SeriesProjectionType.Fpca, 20, true)]
    [InlineData("sensors_timeseries1.csv", SeriesProjectionType.Flatten, 10, true)]
    [InlineData("sensors_timeseries2.csv", SeriesProjectionType.Fpca, 5, false)]
    [InlineData("sensors_timeseries2.csv", SeriesProjectionType.Fpca, 20, false)]
    [InlineData("sensors_timeseries2.csv", SeriesProjectionType.Flatten, 10, false)]
    [InlineData("sensors_timeseries2.csv", SeriesProjectionType.Fpca, 10, true)]
    [InlineData("sensors_timeseries2.csv", SeriesProjectionType.Fpca, 20, true)]
    [InlineData("sensors_timeseries2.csv", SeriesProjectionType.Flatten, 10, true)]
    public async Task Sensors_OtherSettings_AreMeasured(string file, SeriesProjectionType type, int nf, bool restore)
    {
        var run = await RunAsync(file, new TimeSeriesSettings { ProjectionType = type, Nf = nf }, restore);

        AssertPlausible(run);
    }

    private static void AssertPlausible(Run run)
    {
        var original = SeriesAlignment.Align(run.Original, "id", "t", excludedColumns: ["primary_key"]);
        var avatars = SeriesAlignment.Align(run.Avatars, "id", "t", excludedColumns: ["primary_key"]);
        var (minLength, maxLength) = (original.Lengths.Min(), original.Lengths.Max());
        var times = ((IntColumn)run.Original["t"]).Values.ToArray();
        var (minT, maxT) = (times.Min(), times.Max());
        Assert.Equal(run.Original.ColumnNames, run.Avatars.ColumnNames);
        Assert.Equal(run.Original.Columns.Select(c => c.Type), run.Avatars.Columns.Select(c => c.Type));
        Assert.Equal(200, avatars.Count);
        Assert.All(avatars.Lengths, l => Assert.InRange(l, minLength, maxLength));
        for (var i = 0; i < avatars.Count; i++)
        {
            Assert.InRange(avatars.Starts[i], minT, maxT);
            Assert.InRange(avatars.Starts[i] + avatars.Durations[i], minT, maxT);
        }
    }

    private async Task<Run> RunAsync(string file, TimeSeriesSettings settings, bool restore = false)
    {
        var ct = TestContext.Current.CancellationToken;
        var series = await SyntheticSeries.SensorsAsync(file);
        var vanilla = await SyntheticSeries.SensorsAsync("sensors_vanilla.csv");
        var prefix = series.Name + "__";
        var encoding = TimeSeriesEncoder.Encode(series, "id", "t", ["primary_key"], prefix, settings);

        // Left join by id (every vanilla individual has a series here; FeaturesFor fills the others with means).
        var enriched = vanilla;
        foreach (var column in encoding.FeaturesFor(vanilla["id"]).Columns.Skip(1))
        {
            enriched = enriched.WithColumn(column);
        }

        var result = await Avatarizer.AvatarizeAsync(enriched, new AvatarizationOptions { K = 5, Seed = Seed, IdentifierColumns = ["id"] }, cancellationToken: ct);
        var newIds = new IntColumn("id", Enumerable.Range(1, result.Avatars.RowCount).Select(i => (long)i).ToArray());
        var avatarSeries = encoding.Decode(result.Avatars, newIds, new TimeSeriesDecodeOptions { RestoreScoreSpread = restore });

        var signal = TimeSeriesEvaluation.Evaluate(series, avatarSeries, "id", "t", ["primary_key"], settings);
        var privacy = PrivacyEvaluator.Evaluate(enriched.Drop("id"), result.SensitiveUnshuffled, new PrivacyEvaluationOptions { Seed = result.Seed }, ct);

        // With the spread restored, the released series come from the rescaled scores: measure that table too.
        var restored = restore
            ? PrivacyEvaluator.Evaluate(enriched.Drop("id"), encoding.RestoreScoreSpread(result.SensitiveUnshuffled), new PrivacyEvaluationOptions { Seed = result.Seed }, ct).HiddenRate.Value
            : double.NaN;
        output.WriteLine(
            $"{file} {settings.ProjectionType} nf={settings.Nf} {settings.Method} restore={restore}: {encoding.FeatureColumns.Count} features, grid {encoding.Aligned.Curves.GridSize}; "
            + $"pointwise {signal.PointwiseHellingerMean:F4} ± {signal.PointwiseHellingerStd:F4}, density {signal.DensityHellingerMean:F4}; "
            + $"per variable {string.Join(", ", signal.Variables.Select(v => $"{v.Name} {v.PointwiseMean:F4}"))}; hidden rate {privacy.HiddenRate.Value:F1} % (restored scores {restored:F1} %), "
            + $"local cloaking median {privacy.LocalCloaking.Median:F1}");
        return new Run(series, avatarSeries, signal, privacy.HiddenRate.Value);
    }

    private sealed record Run(Table Original, Table Avatars, TimeSeriesSignalResult Signal, double HiddenRate);
}
