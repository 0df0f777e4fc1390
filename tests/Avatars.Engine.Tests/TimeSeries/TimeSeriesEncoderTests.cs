using Avatars.Data;
using Avatars.Engine.TimeSeries;

namespace Avatars.Engine.Tests.TimeSeries;

/// <summary>Encode / Decode / FeaturesFor of <see cref="TimeSeriesEncoder"/> on small hand-built tables.</summary>
public sealed class TimeSeriesEncoderTests
{
    private static readonly TimeSeriesSettings Flatten = new() { ProjectionType = SeriesProjectionType.Flatten };

    /// <summary>
    /// Two individuals: id 10 at t = 0, 1, 2 (x = 1, 2, 3; n = 5, 6, 7) and id 20 at t = 2 … 5 (x = 0; n = 1), rows
    /// shuffled; columns pk, id, t, x, n. Lengths 3 and 4, time range [0, 5].
    /// </summary>
    private static Table Small(bool floatTime = false)
    {
        long[] t = [2, 0, 3, 1, 4, 2, 5];
        return new Table(
            [
                new IntColumn("pk", [1, 2, 3, 4, 5, 6, 7]),
                new IntColumn("id", [10, 10, 20, 10, 20, 20, 20]),
                floatTime ? new FloatColumn("t", t.Select(x => (double)x).ToArray()) : new IntColumn("t", t),
                new FloatColumn("x", [3, 1, 0, 2, 0, 0, 0]),
                new IntColumn("n", [7, 5, 1, 6, 1, 1, 1]),
            ],
            "s");
    }

    private static double[] Floats(Table table, string column) => ((FloatColumn)table[column]).Values.ToArray();

    private static long[] Ints(Table table, string column) => ((IntColumn)table[column]).Values.ToArray();

    [Fact]
    public void Encode_GivesOneRowPerIndividual_WithPrefixedFloatFeatures()
    {
        var encoding = TimeSeriesEncoder.Encode(Small(), "id", "t", ["pk"], "s__", Flatten);

        Assert.Equal(
            ["s__x_t0", "s__x_t1", "s__x_t2", "s__x_t3", "s__n_t0", "s__n_t1", "s__n_t2", "s__n_t3", "s__length", "s__start", "s__duration"],
            encoding.FeatureColumns);
        Assert.Equal(["id", .. encoding.FeatureColumns], encoding.Features.ColumnNames);
        Assert.Equal([10L, 20], Ints(encoding.Features, "id"));
        Assert.All(encoding.Features.Columns.Skip(1), c => Assert.Equal(ColumnType.Float, c.Type));
        Assert.Equal([3.0, 4], Floats(encoding.Features, "s__length"));
        Assert.Equal([0.0, 2], Floats(encoding.Features, "s__start"));
        Assert.Equal([2.0, 3], Floats(encoding.Features, "s__duration"));
        Assert.Equal(1, Floats(encoding.Features, "s__x_t0")[0]);
        Assert.Equal(5.0 / 3, Floats(encoding.Features, "s__x_t1")[0], 1e-12);
        Assert.Equal(3, Floats(encoding.Features, "s__x_t3")[0]);
        Assert.Equal((3, 4, 0.0, 5.0), (encoding.MinLength, encoding.MaxLength, encoding.MinTime, encoding.MaxTime));
    }

    [Fact]
    public void Encode_DefaultSettings_AreFpcaWithScoreColumns()
    {
        var settings = new TimeSeriesSettings();
        var encoding = TimeSeriesEncoder.Encode(SyntheticSeries.Create(30, 5, 10, seed: 3), "id", "t", ["pk"], "p__", settings);

        Assert.Equal((SeriesProjectionType.Fpca, TimeSeriesSettings.DefaultNf, AlignmentMethod.Max, (int?)null), (settings.ProjectionType, settings.Nf, settings.Method, settings.NbPoints));
        Assert.Equal(2 * Math.Min(TimeSeriesSettings.DefaultNf, 10) + 3, encoding.FeatureColumns.Count);
        Assert.Equal("p__a_fpca_1", encoding.FeatureColumns[0]);
        Assert.Equal(30, encoding.Features.RowCount);
    }

    [Fact]
    public void Decode_OfTheOriginalFeatures_RebuildsTheTable_WithOriginalColumnsAndTypes()
    {
        var encoding = TimeSeriesEncoder.Encode(Small(), "id", "t", ["pk"], "s__", Flatten);

        var decoded = encoding.Decode(encoding.Features, new CategoryColumn("new_id", [0, 1], ["a", "b"]));

        Assert.Equal("s", decoded.Name);
        Assert.Equal(["pk", "id", "t", "x", "n"], decoded.ColumnNames);
        Assert.Equal([ColumnType.Int, ColumnType.Category, ColumnType.Int, ColumnType.Float, ColumnType.Int], decoded.Columns.Select(c => c.Type));
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7], Ints(decoded, "pk"));
        Assert.Equal(["a", "a", "a", "b", "b", "b", "b"], Enumerable.Range(0, 7).Select(r => decoded["id"].FormatValue(r)));
        Assert.Equal([0L, 1, 2, 2, 3, 4, 5], Ints(decoded, "t"));
        var x = Floats(decoded, "x");
        Assert.Equal([1.0, 2, 3, 0, 0, 0, 0], x.Select(v => Math.Round(v, 9)));
        Assert.Equal([5L, 6, 7, 1, 1, 1, 1], Ints(decoded, "n"));
    }

    [Fact]
    public void Decode_IgnoresOtherColumns_AndUsesTheGivenName()
    {
        var encoding = TimeSeriesEncoder.Encode(Small(), "id", "t", ["pk"], "s__", Flatten);
        var avatars = encoding.Features.Drop("id").WithColumn(new CategoryColumn("colour", [0, 1], ["red", "blue"]));

        var decoded = encoding.Decode(avatars, new IntColumn("whatever", [1, 2]), new TimeSeriesDecodeOptions { TableName = "s_avatars" });

        Assert.Equal("s_avatars", decoded.Name);
        Assert.Equal([1L, 1, 1, 2, 2, 2, 2], Ints(decoded, "id"));
    }

    [Fact]
    public void Decode_ClampsLengthStartAndEnd_FloatTime()
    {
        var encoding = TimeSeriesEncoder.Encode(Small(floatTime: true), "id", "t", ["pk"], "s__", Flatten);
        var avatars = WithPlacement(encoding, [10, 0.2, 3.4], [-5, 9, 4], [100, -1, 3]);

        var decoded = encoding.Decode(avatars, new IntColumn("id", [1, 2, 3]));

        // Avatar 1: length 10 → 4, start −5 → 0, duration 100 → 5. Avatar 2: length 0.2 → 3, start 9 → 5, duration → 0.
        // Avatar 3: length 3.4 → 3, start 4, end 7 → 5 (duration 1).
        Assert.Equal([1L, 1, 1, 1, 2, 2, 2, 3, 3, 3], Ints(decoded, "id"));
        AssertNear([0.0, 5.0 / 3, 10.0 / 3, 5, 5, 5, 5, 4, 4.5, 5], Floats(decoded, "t"));
        Assert.Equal(ColumnType.Float, decoded["t"].Type);
        AssertWithinOriginalRanges(encoding, decoded);
    }

    [Fact]
    public void Decode_IntTime_KeepsDistinctIntegerStamps_WithinTheOriginalRange()
    {
        var encoding = TimeSeriesEncoder.Encode(Small(), "id", "t", ["pk"], "s__", Flatten);

        // Avatar 1: length 4, start 4.4 → 4, duration 0.6 → 1 < 3 → 3, end 7 > 5 → start 2: stamps 2, 3, 4, 5.
        // Avatar 2: length 3.5 → 4, start 0.4 → 0, duration 4.6 → 5: stamps 0, 2 (1.67), 3 (3.33), 5.
        var avatars = WithPlacement(encoding, [4, 3.5], [4.4, 0.4], [0.6, 4.6]);

        var decoded = encoding.Decode(avatars, new IntColumn("id", [1, 2]));

        Assert.Equal([2L, 3, 4, 5, 0, 2, 3, 5], Ints(decoded, "t"));
        AssertWithinOriginalRanges(encoding, decoded);
    }

    [Fact]
    public void Decode_WithoutClamps_KeepsTheAvatarsPlacement()
    {
        var encoding = TimeSeriesEncoder.Encode(Small(floatTime: true), "id", "t", ["pk"], "s__", Flatten);
        var avatars = WithPlacement(encoding, [6, 0.2], [-5, 9], [10, -1]);

        var decoded = encoding.Decode(avatars, new IntColumn("id", [1, 2]), new TimeSeriesDecodeOptions { ClampToOriginalRanges = false });

        Assert.Equal([-5.0, -3, -1, 1, 3, 5, 9], Floats(decoded, "t"));
    }

    [Fact]
    public void Decode_RestoreScoreSpread_MapsScoresToTheOriginalMeanAndStd()
    {
        var encoding = TimeSeriesEncoder.Encode(Small(floatTime: true), "id", "t", ["pk"], "s__", Flatten);
        var narrowed = encoding.Features;
        foreach (var name in encoding.Projection.ScoreColumns.Select(s => "s__" + s))
        {
            var values = Floats(encoding.Features, name);
            var mean = values.Average();
            narrowed = narrowed.WithColumn(new FloatColumn(name, values.Select(v => mean + ((v - mean) / 4)).ToArray()));
        }

        var restored = encoding.RestoreScoreSpread(narrowed);

        foreach (var name in encoding.FeatureColumns)
        {
            var (expected, actual) = (Floats(encoding.Features, name), Floats(restored, name));
            Assert.All(Enumerable.Range(0, expected.Length), i => Assert.Equal(expected[i], actual[i], 1e-9));
        }

        var decoded = encoding.Decode(narrowed, new IntColumn("id", [1, 2]), new TimeSeriesDecodeOptions { RestoreScoreSpread = true });
        Assert.Equal([1.0, 2, 3, 0, 0, 0, 0], Floats(decoded, "x").Select(v => Math.Round(v, 9)));
    }

    [Fact]
    public void FeaturesFor_KeepsTheParentOrder_AndFillsMissingIndividualsWithMeans()
    {
        var encoding = TimeSeriesEncoder.Encode(Small(), "id", "t", ["pk"], "s__", Flatten);
        var parents = new IntColumn("parent_id", [20, 99, 10, 0], [false, false, false, true]);

        var features = encoding.FeaturesFor(parents);

        Assert.Equal(["parent_id", .. encoding.FeatureColumns], features.ColumnNames);
        Assert.Equal(4, features.RowCount);
        foreach (var name in encoding.FeatureColumns)
        {
            var original = Floats(encoding.Features, name);
            var mean = original.Average();
            Assert.Equal([original[1], mean, original[0], mean], Floats(features, name));
        }

        Assert.Equal(3.5, Floats(features, "s__length")[1]);
        Assert.Equal(1.0, Floats(features, "s__start")[1]);
    }

    [Fact]
    public void FeaturesFor_MissingIndividual_DecodesToTheAverageSeries()
    {
        var encoding = TimeSeriesEncoder.Encode(Small(floatTime: true), "id", "t", ["pk"], "s__", Flatten);

        var decoded = encoding.Decode(encoding.FeaturesFor(new IntColumn("id", [99])), new IntColumn("id", [1]));

        // Mean length 3.5 → 4, start 1, duration 2.5; x = the mean of the two grid curves.
        AssertNear([1.0, 1 + (2.5 / 3), 1 + (5.0 / 3), 3.5], Floats(decoded, "t"));
        AssertNear([0.5, 5.0 / 6, 7.0 / 6, 1.5], Floats(decoded, "x"));
    }

    [Fact]
    public void Fpca_FullRank_RoundTripsLengthsStartsAndCurveEnds()
    {
        var table = SyntheticSeries.Create(12, 4, 8, seed: 5);
        var settings = new TimeSeriesSettings { Nf = 50, Method = AlignmentMethod.Specified, NbPoints = 6 };
        var encoding = TimeSeriesEncoder.Encode(table, "id", "t", ["pk"], "", settings);

        var decoded = encoding.Decode(encoding.Features, encoding.Features["id"]);
        var again = SeriesAlignment.Align(decoded, "id", "t", ["a", "b"], AlignmentMethod.Specified, 6, ["pk"]);

        Assert.Equal(encoding.Aligned.Lengths, again.Lengths);
        for (var i = 0; i < again.Count; i++)
        {
            Assert.Equal(encoding.Aligned.Starts[i], again.Starts[i], 1e-9);
            Assert.Equal(encoding.Aligned.Durations[i], again.Durations[i], 1e-9);
            for (var v = 0; v < 2; v++)
            {
                Assert.Equal(encoding.Aligned.Curves.Curve(v, i)[0], again.Curves.Curve(v, i)[0], 1e-6);
                Assert.Equal(encoding.Aligned.Curves.Curve(v, i)[^1], again.Curves.Curve(v, i)[^1], 1e-6);
            }
        }
    }

    [Fact]
    public void Decode_DateTimeTime_IsWrittenAsDateTime()
    {
        var epoch = DateTime.UnixEpoch.Ticks;
        var table = new Table(
            [
                new IntColumn("id", [1, 1, 2, 2]),
                new DateTimeColumn("t", [epoch, epoch + TimeSpan.TicksPerHour, epoch, epoch + (2 * TimeSpan.TicksPerHour)]),
                new FloatColumn("x", [0, 1, 2, 3]),
            ],
            "d");
        var encoding = TimeSeriesEncoder.Encode(table, "id", "t", [], "d__", Flatten);

        var decoded = encoding.Decode(encoding.Features, new IntColumn("id", [5, 6]));

        Assert.Equal(ColumnType.DateTime, decoded["t"].Type);
        Assert.Equal([epoch, epoch + TimeSpan.TicksPerHour, epoch, epoch + (2 * TimeSpan.TicksPerHour)], ((DateTimeColumn)decoded["t"]).Ticks.ToArray());
    }

    [Fact]
    public void Encode_Errors_NameTheTableAndColumn()
    {
        var small = Small();
        Assert.Contains("Table 's' has no column 'nope'", Throws(() => TimeSeriesEncoder.Encode(small, "nope", "t", ["pk"], "", Flatten)));
        Assert.Contains("'pk2'", Throws(() => TimeSeriesEncoder.Encode(small, "id", "t", ["pk2"], "", Flatten)));
        Assert.Contains("cannot be excluded", Throws(() => TimeSeriesEncoder.Encode(small, "id", "t", ["id"], "", Flatten)));

        var labelled = small.WithColumn(new CategoryColumn("label", [0, 0, 0, 0, 0, 0, 0], ["u"]));
        var message = Throws(() => TimeSeriesEncoder.Encode(labelled, "id", "t", ["pk"], "", Flatten));
        Assert.Contains("Table 's'", message);
        Assert.Contains("'label'", message);

        Assert.Contains("time_series_nf is 0", Throws(() => TimeSeriesEncoder.Encode(small, "id", "t", ["pk"], "", new TimeSeriesSettings { Nf = 0 })));
        Assert.Contains("nb_points", Throws(() => TimeSeriesEncoder.Encode(small, "id", "t", ["pk"], "", new TimeSeriesSettings { Method = AlignmentMethod.Specified })));

        var collision = small.WithColumn(new IntColumn("length", [1, 1, 1, 1, 1, 1, 1]));
        Assert.Contains("'length' collides", Throws(() => TimeSeriesEncoder.Encode(collision, "length", "t", ["pk", "id"], "", Flatten)));
    }

    [Fact]
    public void Decode_Errors_NameTheTableAndColumn()
    {
        var encoding = TimeSeriesEncoder.Encode(Small(), "id", "t", ["pk"], "s__", Flatten);

        var missingColumn = Throws(() => encoding.Decode(encoding.Features.Drop("s__start"), new IntColumn("id", [1, 2])));
        Assert.Contains("table 's'", missingColumn);
        Assert.Contains("'s__start'", missingColumn);

        Assert.Contains("2 rows of avatar features but 3 avatar ids", Throws(() => encoding.Decode(encoding.Features, new IntColumn("id", [1, 2, 3]))));

        var nan = encoding.Features.WithColumn(new FloatColumn("s__x_t2", [1, double.NaN]));
        Assert.Contains("'s__x_t2'", Throws(() => encoding.Decode(nan, new IntColumn("id", [1, 2]))));

        var category = encoding.Features.WithColumn(new CategoryColumn("s__length", [0, 0], ["3"]));
        Assert.Contains("'s__length'", Throws(() => encoding.Decode(category, new IntColumn("id", [1, 2]))));

        Assert.Contains("'s__length'", Throws(() => encoding.FeaturesFor(new IntColumn("s__length", [1]))));
    }

    private static void AssertNear(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        Assert.All(Enumerable.Range(0, expected.Length), i => Assert.Equal(expected[i], actual[i], 1e-9));
    }

    private static string Throws(Action action) => Assert.Throws<TimeSeriesException>(action).Message;

    private static Table WithPlacement(TimeSeriesEncoding encoding, double[] lengths, double[] starts, double[] durations)
    {
        var n = lengths.Length;
        var features = encoding.Features.TakeRows(Enumerable.Range(0, n).Select(i => i % encoding.Features.RowCount).ToArray());
        return features
            .WithColumn(new FloatColumn("s__length", lengths))
            .WithColumn(new FloatColumn("s__start", starts))
            .WithColumn(new FloatColumn("s__duration", durations));
    }

    private static void AssertWithinOriginalRanges(TimeSeriesEncoding encoding, Table decoded)
    {
        var aligned = SeriesAlignment.Align(decoded, "id", "t", excludedColumns: ["pk"]);
        Assert.All(aligned.Lengths, l => Assert.InRange(l, encoding.MinLength, encoding.MaxLength));
        for (var i = 0; i < aligned.Count; i++)
        {
            Assert.InRange(aligned.Starts[i], encoding.MinTime, encoding.MaxTime);
            Assert.InRange(aligned.Starts[i] + aligned.Durations[i], encoding.MinTime, encoding.MaxTime);
        }
    }
}
