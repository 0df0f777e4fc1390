using Avatars.Client.Processors;
using Avatars.Data;
using static Avatars.Client.Tests.Processors.Tables;

namespace Avatars.Client.Tests.Processors;

public sealed class ToCategoricalProcessorTests
{
    private static Table Source() => Of(Float("v1", 1, 2, 3, double.NaN), Float("v2", 1, 2, 2, double.NaN));

    [Fact]
    public void Preprocess_converts_only_columns_under_the_threshold()
    {
        var processor = new ToCategoricalProcessor(2);
        var result = processor.Preprocess(Source());

        Assert.Equal(ColumnType.Float, result["v1"].Type);
        Assert.Equal(ColumnType.Category, result["v2"].Type);
        Assert.Equal(["1", "2", "2", null], result.Texts("v2"));
        Assert.Equal(["v2"], processor.Variables);
        Assert.Equal(["v1", "v2"], result.ColumnNames);
    }

    [Fact]
    public void Round_trip_returns_the_original()
    {
        var source = Source();
        var processor = new ToCategoricalProcessor(2);
        var result = processor.Postprocess(source, processor.Preprocess(source));
        Same(source, result);
    }

    [Fact]
    public void Round_trip_restores_ints_bools_and_timestamps()
    {
        var source = Of(
            Int("i", 1, 2, 1),
            Bool("b", true, false, true),
            Dates("d", new DateTime(2020, 1, 1, 10, 0, 0), new DateTime(2021, 6, 1), new DateTime(2020, 1, 1, 10, 0, 0)),
            Cat("c", "x", "y", "z"));
        var processor = new ToCategoricalProcessor(2);
        var pre = processor.Preprocess(source);
        Assert.Equal(["i", "b", "d"], processor.Variables);
        Assert.All(pre.Columns, c => Assert.Equal(ColumnType.Category, c.Type));
        Same(source, processor.Postprocess(source, pre));
    }

    [Fact]
    public void Round_trip_restores_zoned_timestamps()
    {
        var utc = new DateTime(2020, 1, 1, 8, 30, 0).Ticks;
        var source = Of(new DateTimeColumn("d", [utc, utc, utc + TimeSpan.TicksPerHour], offset: TimeSpan.FromHours(2)));
        var processor = new ToCategoricalProcessor(2);
        var pre = processor.Preprocess(source);
        Assert.Equal(["2020-01-01 10:30:00+02:00", "2020-01-01 10:30:00+02:00", "2020-01-01 11:30:00+02:00"], pre.Texts("d"));
        var back = processor.Postprocess(source, pre);
        Assert.Equal(ColumnType.DateTimeTz, back["d"].Type);
        Assert.Equal(source.Texts("d"), back.Texts("d"));
    }

    [Fact]
    public void Integer_column_read_back_as_floats_is_restored()
    {
        // Avatars read from a CSV may come back as "1.0"-style numbers.
        var source = Of(Int("i", 1, 2, 1));
        var processor = new ToCategoricalProcessor(2);
        processor.Preprocess(source);
        var back = processor.Postprocess(source, Of(Float("i", 2, 1, 1)));
        Assert.Equal(ColumnType.Int, back["i"].Type);
        Near([2, 1, 1], back.Doubles("i"));
    }

    [Fact]
    public void Boolean_column_with_missing_values_is_not_converted()
    {
        // pandas would hold it as the nullable `boolean` dtype, which the vendor excludes.
        var source = Of(new BoolColumn("b", [true, false, true], [false, false, true]));
        var processor = new ToCategoricalProcessor(5);
        Assert.Empty(processor.Variables);
        Assert.Same(source["b"], processor.Preprocess(source)["b"]);
    }

    [Fact]
    public void Keep_continuous_adds_copies_and_postprocess_takes_them_for_the_placeholder()
    {
        var source = Source();
        var processor = new ToCategoricalProcessor(2, keepContinuous: true);
        var pre = processor.Preprocess(source);
        Assert.Equal(["v1", "v2", "v2__cont"], pre.ColumnNames);
        Assert.Equal(ColumnType.Float, pre["v2__cont"].Type);

        var dest = Of(Float("v1", 1, 2, 3, double.NaN), Cat("v2", "other", "other", "other", null), Float("v2__cont", 1, 2, 2, double.NaN));
        var result = processor.Postprocess(source, dest);
        Assert.Equal(["v1", "v2"], result.ColumnNames);
        Assert.Equal(ColumnType.Float, result["v2"].Type);
        Near([1, 2, 2, double.NaN], result.Doubles("v2"));
    }

    [Fact]
    public void Keep_continuous_uses_the_categorical_value_when_it_is_not_the_placeholder()
    {
        var source = Source();
        var processor = new ToCategoricalProcessor(2, keepContinuous: true, continuousSuffix: "_c", category: "rare");
        processor.Preprocess(source);
        var dest = Of(Float("v1", 1, 2, 3, 4), Cat("v2", "rare", "2", "1", null), Float("v2_c", 1.5, 2, 2, 7));
        var result = processor.Postprocess(source, dest);
        Near([1.5, 2, 1, double.NaN], result.Doubles("v2"));
    }

    [Fact]
    public void Postprocess_rejects_a_value_that_cannot_become_the_original_type()
    {
        var source = Of(Int("i", 1, 2, 1));
        var processor = new ToCategoricalProcessor(2);
        processor.Preprocess(source);
        var error = Assert.Throws<ArgumentException>(() => processor.Postprocess(source, Of(Cat("i", "1", "abc", "2"))));
        Assert.Contains("'i'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Preprocess_does_not_modify_the_input()
    {
        var source = Source();
        new ToCategoricalProcessor(2, keepContinuous: true).Preprocess(source);
        Assert.Equal(["v1", "v2"], source.ColumnNames);
        Assert.Equal(ColumnType.Float, source["v2"].Type);
    }
}
