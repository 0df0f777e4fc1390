using Avatars.Client.Processors;
using Avatars.Data;
using static Avatars.Client.Tests.Processors.Tables;

namespace Avatars.Client.Tests.Processors;

public sealed class InterRecordCumulatedDifferenceProcessorTests
{
    private static Table Source() => Of(Int("id", 1, 2, 1, 1, 2, 2), Int("value", 1025, 20042, 1000, 1130, 20000, 20040));

    private static Table Preprocessed() =>
        Of(Int("id", 1, 2, 1, 1, 2, 2), Int("first", 1000, 20000, 1000, 1000, 20000, 20000), Int("diff", 25, 2, 0, 105, 0, 40));

    private static InterRecordCumulatedDifferenceProcessor Processor(bool keepRecordOrder = false) =>
        new("id", "value", "first", "diff", keepRecordOrder);

    [Fact]
    public void Preprocess_gives_first_value_and_differences()
    {
        Same(Preprocessed(), Processor().Preprocess(Source()));
    }

    [Fact]
    public void Postprocess_in_row_order()
    {
        var result = Processor().Postprocess(Source(), Preprocessed());
        Assert.Equal(["id", "value"], result.ColumnNames);
        Assert.Equal(ColumnType.Int, result["value"].Type);
        Near([1025, 20002, 1025, 1130, 20002, 20042], result.Doubles("value"));
    }

    [Fact]
    public void Postprocess_keeping_record_order_returns_the_original()
    {
        Same(Source(), Processor(keepRecordOrder: true).Postprocess(Source(), Preprocessed()));
    }

    [Fact]
    public void Other_columns_are_kept_and_new_ones_appended()
    {
        var source = Of(Cat("x", "a", "b"), Int("id", 1, 1), Float("value", 2.5, 1), Int("y", 7, 8));
        var pre = Processor().Preprocess(source);
        Assert.Equal(["x", "id", "y", "first", "diff"], pre.ColumnNames);
        Near([1, 1], pre.Doubles("first"));
        Near([1.5, 0], pre.Doubles("diff"));
        Assert.Equal(ColumnType.Float, pre["diff"].Type);
    }

    [Fact]
    public void Different_row_counts_with_keep_record_order_is_an_error()
    {
        var dest = Of(Int("id", 1), Int("first", 1), Int("diff", 0));
        var error = Assert.Throws<ArgumentException>(() => Processor(keepRecordOrder: true).Postprocess(Source(), dest));
        Assert.StartsWith("Expected `keep_record_order` to be `True` only if source and dest have same indices", error.Message, StringComparison.Ordinal);
        Near([1], Processor().Postprocess(Source(), dest).Doubles("value"));
    }

    [Theory]
    [InlineData("nope", "value", "Expected a valid `id_variable`, got nope instead")]
    [InlineData("id", "nope", "Expected a valid `target_variable`, got nope instead")]
    public void Preprocess_rejects_unknown_columns(string id, string target, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new InterRecordCumulatedDifferenceProcessor(id, target, "f", "d").Preprocess(Source()));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Preprocess_rejects_missing_values()
    {
        var noId = Of(new IntColumn("id", [1, 2], [false, true]), Int("value", 1, 2));
        Assert.StartsWith("Expected no missing values for id variable", Assert.Throws<ArgumentException>(() => Processor().Preprocess(noId)).Message, StringComparison.Ordinal);
        var noValue = Of(Int("id", 1, 2), Float("value", 1, double.NaN));
        Assert.StartsWith("Expected no missing values for target variable", Assert.Throws<ArgumentException>(() => Processor().Preprocess(noValue)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postprocess_rejects_missing_columns_and_values()
    {
        var noFirst = Of(Int("id", 1), Int("diff", 0));
        Assert.StartsWith("Expected a valid `new_first_variable_name`", Assert.Throws<ArgumentException>(() => Processor().Postprocess(Source(), noFirst)).Message, StringComparison.Ordinal);
        var noDiff = Of(Int("id", 1), Int("first", 0));
        Assert.StartsWith("Expected a valid `new_difference_variable_name`", Assert.Throws<ArgumentException>(() => Processor().Postprocess(Source(), noDiff)).Message, StringComparison.Ordinal);
        var nullDiff = Of(Int("id", 1), Int("first", 0), Float("diff", double.NaN));
        Assert.StartsWith("Expected no missing values for `new_difference_variable_name`", Assert.Throws<ArgumentException>(() => Processor().Postprocess(Source(), nullDiff)).Message, StringComparison.Ordinal);
        var nullFirst = Of(Int("id", 1), Float("first", double.NaN), Float("diff", 0));
        Assert.StartsWith("Expected no missing values for `new_first_variable_name`", Assert.Throws<ArgumentException>(() => Processor().Postprocess(Source(), nullFirst)).Message, StringComparison.Ordinal);
        var badSource = Of(Int("id", 1), Float("value", double.NaN));
        Assert.StartsWith("Expected no missing values for target variable in source", Assert.Throws<ArgumentException>(() => Processor().Postprocess(badSource, Preprocessed())).Message, StringComparison.Ordinal);
    }
}
