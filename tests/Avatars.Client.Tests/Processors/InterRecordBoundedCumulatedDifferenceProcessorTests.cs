using Avatars.Client.Processors;
using Avatars.Data;
using static Avatars.Client.Tests.Processors.Tables;

namespace Avatars.Client.Tests.Processors;

public sealed class InterRecordBoundedCumulatedDifferenceProcessorTests
{
    private static Table Source() => Of(Int("id", 1, 2, 1, 1, 2, 2), Int("value", 1025, 20042, 1000, 1130, 20000, 20040));

    private static InterRecordBoundedCumulatedDifferenceProcessor Processor(bool round = true) =>
        new("id", "value", "first_value", "difference_to_bound", round);

    [Fact]
    public void Preprocess_gives_first_value_and_bounded_relative_change()
    {
        var result = Processor().Preprocess(Source());
        Assert.Equal(["id", "first_value", "difference_to_bound"], result.ColumnNames);
        Near([1025, 20042, 1025, 1025, 20042, 20042], result.Doubles("first_value"));
        Near([0, 0, -1, 0.006827, -0.002206, 0.952381], result.Doubles("difference_to_bound"), 1e-6);
    }

    [Fact]
    public void Round_trip_returns_the_original()
    {
        var processor = Processor();
        var result = processor.Postprocess(Source(), processor.Preprocess(Source()));
        Same(Source(), result);
    }

    [Fact]
    public void Postprocess_of_the_documented_rounded_values()
    {
        var dest = Of(
            Int("id", 1, 2, 1, 1, 2, 2),
            Int("first_value", 1025, 20042, 1025, 1025, 20042, 20042),
            Float("difference_to_bound", 0, 0, -1, 0.006827, -0.002206, 0.952381));
        var result = Processor().Postprocess(Source(), dest);
        Near([1025, 20042, 1000, 1130, 20000, 20040], result.Doubles("value"));
    }

    [Fact]
    public void Without_rounding_the_result_is_float()
    {
        var processor = Processor(round: false);
        var result = processor.Postprocess(Source(), processor.Preprocess(Source()));
        Assert.Equal(ColumnType.Float, result["value"].Type);
        Near([1025, 20042, 1000, 1130, 20000, 20040], result.Doubles("value"), 1e-6);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Shuffled_avatars_stay_within_the_source_bounds(int seed)
    {
        var random = new Random(seed);
        var rows = 60;
        var source = Of(
            Int("id", Enumerable.Range(0, rows).Select(i => (long)(i % 7)).ToArray()),
            Float("value", Enumerable.Range(0, rows).Select(_ => Math.Round(random.NextDouble() * 100, 2)).ToArray()));
        var processor = Processor(round: false);
        var pre = processor.Preprocess(source);

        // Shuffle the preprocessed rows and mix values between individuals, as avatarization would.
        var order = Enumerable.Range(0, rows).ToArray();
        random.Shuffle(order);
        var dest = pre.TakeRows(order).WithColumn(Float("difference_to_bound", Enumerable.Range(0, rows).Select(_ => (random.NextDouble() * 2) - 1).ToArray()));
        var result = processor.Postprocess(source, dest);
        var min = source.Doubles("value").Min();
        var max = source.Doubles("value").Max();
        Assert.All(result.Doubles("value"), v => Assert.InRange(v, min - 1e-9, max + 1e-9));
    }

    [Fact]
    public void Values_are_assigned_to_their_own_rows()
    {
        // Python wrote the values back by position after a label sort; each row gets its own value here.
        var dest = Of(Int("id", 2, 1, 2), Int("first_value", 10, 50, 10), Float("difference_to_bound", 0, 0, 1));
        var source = Of(Int("id", 1, 1), Int("value", 0, 100));
        var result = Processor().Postprocess(source, dest);
        Near([10, 50, 100], result.Doubles("value"));
    }

    [Fact]
    public void Errors()
    {
        Assert.StartsWith("Expected a valid `id_variable`", Assert.Throws<ArgumentException>(() => new InterRecordBoundedCumulatedDifferenceProcessor("x", "value", "f", "d").Preprocess(Source())).Message, StringComparison.Ordinal);
        Assert.StartsWith("Expected a valid `target_variable`", Assert.Throws<ArgumentException>(() => new InterRecordBoundedCumulatedDifferenceProcessor("id", "x", "f", "d").Preprocess(Source())).Message, StringComparison.Ordinal);
        var nulls = Of(Int("id", 1, 2), Float("value", 1, double.NaN));
        Assert.StartsWith("Expected no missing values for target variable", Assert.Throws<ArgumentException>(() => Processor().Preprocess(nulls)).Message, StringComparison.Ordinal);
        Assert.StartsWith("Expected a valid `new_first_variable_name`", Assert.Throws<ArgumentException>(() => Processor().Postprocess(Source(), Source())).Message, StringComparison.Ordinal);
        var nullDiff = Of(Int("id", 1), Int("first_value", 1), Float("difference_to_bound", double.NaN));
        Assert.StartsWith("Expected no missing values for `new_difference_variable_name`", Assert.Throws<ArgumentException>(() => Processor().Postprocess(Source(), nullDiff)).Message, StringComparison.Ordinal);
    }
}
