using Avatars.Client.Lib;
using Avatars.Data;
using static Avatars.Client.Tests.Processors.Tables;

namespace Avatars.Client.Tests.Lib;

public sealed class BatchSplitTests
{
    private static Table Data() => Of(
        Int("a", 1, 3, 5, 1, 3, 5, 1, 3, 5, 1, 3, 5),
        Cat("b", "a", "b", "a", "a", "b", "a", "a", "b", "a", "a", "b", "a"));

    [Fact]
    public void Training_batch_starts_with_the_first_occurrences()
    {
        var (training, splits) = BatchSplit.GetSplitForBatch(Data(), rowLimit: 6, seed: 42);
        Assert.Equal(6, training.RowCount);
        Assert.Single(splits);
        Assert.Equal(6, splits[0].RowCount);
        Assert.Equal(["a", "b"], training.Texts("b").Take(2));
        Assert.Equal([1.0, 3.0], training.Doubles("a").Take(2));

        // Every row appears once over all batches.
        var all = training.Doubles("a").Concat(splits[0].Doubles("a")).Order();
        Assert.Equal(Data().Doubles("a").Order(), all);
    }

    [Fact]
    public void Same_seed_gives_the_same_batches()
    {
        var first = BatchSplit.GetSplitForBatch(Data(), 4, seed: 7);
        var second = BatchSplit.GetSplitForBatch(Data(), 4, seed: 7);
        Assert.Equal(first.Training.Texts("a"), second.Training.Texts("a"));
        Assert.Equal(first.Splits.SelectMany(s => s.Texts("a")), second.Splits.SelectMany(s => s.Texts("a")));
    }

    [Fact]
    public void Batches_are_nearly_equal_with_the_extra_rows_first()
    {
        var data = Of(Int("x", Enumerable.Range(0, 11).Select(i => (long)i).ToArray()));
        var (training, splits) = BatchSplit.GetSplitForBatch(data, rowLimit: 3, seed: 1);
        Assert.Equal([3, 3, 3, 2], new[] { training.RowCount }.Concat(splits.Select(s => s.RowCount)));
    }

    [Fact]
    public void Too_much_categorical_variability_is_an_error()
    {
        var data = Of(Cat("c", "a", "b", "c", "d", "a", "a"));
        var error = Assert.Throws<ArgumentException>(() => BatchSplit.GetSplitForBatch(data, rowLimit: 6));
        Assert.StartsWith("You have too much variability in your categorical data.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void First_occurrences_over_several_columns_and_missing_values()
    {
        var data = Of(Cat("x", "a", "a", "b", "a", null), Cat("y", "u", "v", "u", "u", "u"), Int("n", 1, 2, 3, 4, 5));
        Assert.Equal([0, 1, 2, 4], BatchSplit.GetIndexWithoutDuplicatedModalities(data));
    }

    [Fact]
    public void Row_limit_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchSplit.GetSplitForBatch(Data(), 0));
    }
}
