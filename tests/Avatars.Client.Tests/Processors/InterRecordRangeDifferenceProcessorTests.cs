using Avatars.Client.Processors;
using Avatars.Data;
using static Avatars.Client.Tests.Processors.Tables;

namespace Avatars.Client.Tests.Processors;

public sealed class InterRecordRangeDifferenceProcessorTests
{
    private static Table Source() => Of(Int("id", 1, 2, 1, 1, 2, 2), Int("start", 7, 14, 6, 12, 10, 23), Int("end", 8, 18, 7, 15, 12, 24));

    private static Table Preprocessed() => Of(
        Int("id", 1, 2, 1, 1, 2, 2),
        Int("range", 1, 4, 1, 3, 2, 1),
        Int("first", 6, 10, 6, 6, 10, 10),
        Int("diff", 0, 2, 0, 4, 0, 5));

    private static InterRecordRangeDifferenceProcessor Processor(bool keepRecordOrder = false) =>
        new("id", "start", "end", "start", "first", "range", "diff", keepRecordOrder);

    [Fact]
    public void Preprocess_gives_range_first_and_gap()
    {
        Same(Preprocessed(), Processor().Preprocess(Source()));
    }

    [Fact]
    public void Postprocess_in_row_order()
    {
        var result = Processor().Postprocess(Source(), Preprocessed());
        Assert.Equal(["id", "start", "end"], result.ColumnNames);
        Near([6, 12, 7, 12, 16, 23], result.Doubles("start"));
        Near([7, 16, 8, 15, 18, 24], result.Doubles("end"));
    }

    [Fact]
    public void Postprocess_keeping_record_order_returns_the_original()
    {
        Same(Source(), Processor(keepRecordOrder: true).Postprocess(Source(), Preprocessed()));
    }

    [Fact]
    public void Postprocess_accepts_more_records_than_the_source_without_keep_record_order()
    {
        var dest = Of(
            Int("id", 1, 2, 1, 1, 2, 2, 2),
            Int("range", 1, 4, 1, 3, 2, 1, 2),
            Int("first", 6, 10, 6, 6, 10, 10, 10),
            Int("diff", 0, 2, 0, 4, 0, 5, 1));
        var result = Processor().Postprocess(Source(), dest);
        Near([6, 12, 7, 12, 16, 23, 25], result.Doubles("start"));
        Near([7, 16, 8, 15, 18, 24, 27], result.Doubles("end"));
        Assert.Throws<ArgumentException>(() => Processor(keepRecordOrder: true).Postprocess(Source(), dest));
    }

    [Fact]
    public void Other_columns_come_first()
    {
        var source = Of(Float("start", 1, 5), Cat("x", "a", "b"), Float("end", 2, 6), Int("id", 1, 1));
        var pre = Processor().Preprocess(source);
        Assert.Equal(["x", "id", "range", "first", "diff"], pre.ColumnNames);
        Near([1, 1], pre.Doubles("range"));
        Near([0, 3], pre.Doubles("diff"));
    }

    [Fact]
    public void Preprocess_errors()
    {
        var error = Assert.Throws<ArgumentException>(() => Processor().Preprocess(Of(Int("id", 1), Int("start", 1))));
        Assert.StartsWith("Expected valid variable names for `id_variable`, `target_start_variable`, `target_end_variable` and `sort_by_variable`", error.Message, StringComparison.Ordinal);
        var nulls = Of(Int("id", 1, 1), Int("start", 1, 2), Float("end", 2, double.NaN));
        error = Assert.Throws<ArgumentException>(() => Processor().Preprocess(nulls));
        Assert.StartsWith("Expected no missing values for `id_variable`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postprocess_errors()
    {
        var error = Assert.Throws<ArgumentException>(() => Processor().Postprocess(Source(), Of(Int("id", 1))));
        Assert.StartsWith("Expected valid variable names for `id_variable`, `new_first_variable`", error.Message, StringComparison.Ordinal);
        var noSort = new InterRecordRangeDifferenceProcessor("id", "start", "end", "t", "first", "range", "diff");
        error = Assert.Throws<ArgumentException>(() => noSort.Postprocess(Source(), Preprocessed()));
        Assert.StartsWith("Expected a valid `sort_by_variable`, got 't' instead", error.Message, StringComparison.Ordinal);
        var nulls = Preprocessed().WithColumn(Float("diff", 0, 2, 0, 4, double.NaN, 5));
        error = Assert.Throws<ArgumentException>(() => Processor().Postprocess(Source(), nulls));
        Assert.StartsWith("Expected no missing values for `id_variable`, `new_first_variable`", error.Message, StringComparison.Ordinal);
    }
}
