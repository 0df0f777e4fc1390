using Avatars.Client.Processors;
using Avatars.Data;
using static Avatars.Client.Tests.Processors.Tables;

namespace Avatars.Client.Tests.Processors;

public sealed class RelativeDifferenceProcessorTests
{
    private static Table Source() => Of(Int("target", 10, 20, 30), Int("a", 1, 2, 3), Int("b", 4, 5, 6));

    [Fact]
    public void Preprocess_replaces_the_target_by_its_difference_to_the_references()
    {
        var result = new RelativeDifferenceProcessor("target", ["a", "b"]).Preprocess(Source());
        Near([5, 13, 21], result.Doubles("target"));
        Assert.Equal(["target", "a", "b"], result.ColumnNames);
    }

    [Fact]
    public void Round_trip_returns_the_original()
    {
        var processor = new RelativeDifferenceProcessor("target", ["a", "b"]);
        var result = processor.Postprocess(Source(), processor.Preprocess(Source()));
        Near([10, 20, 30], result.Doubles("target"));
    }

    [Fact]
    public void Scaling_unit_rename_and_drop()
    {
        var processor = new RelativeDifferenceProcessor("target", ["a"], scalingUnit: 2, targetRename: "delta", dropOriginalTarget: true);
        var pre = processor.Preprocess(Source());
        Assert.Equal(["a", "b", "delta"], pre.ColumnNames);
        Near([4.5, 9, 13.5], pre.Doubles("delta"));

        var post = processor.Postprocess(Source(), pre);
        Assert.Equal(["a", "b", "delta", "target"], post.ColumnNames);
        Near([10, 20, 30], post.Doubles("target"));
    }

    [Fact]
    public void Rename_keeps_the_target_when_not_dropped()
    {
        var pre = new RelativeDifferenceProcessor("target", ["a"], targetRename: "delta").Preprocess(Source());
        Assert.Equal(["target", "a", "b", "delta"], pre.ColumnNames);
    }

    [Fact]
    public void Missing_target_stays_missing()
    {
        var dest = Of(Float("target", double.NaN, 1), Int("a", 1, 2), Int("b", 1, 1));
        var result = new RelativeDifferenceProcessor("target", ["a", "b"]).Postprocess(dest, dest);
        Near([double.NaN, 4], result.Doubles("target"));
    }

    [Fact]
    public void Integer_columns_give_an_integer_target()
    {
        var dest = Of(Int("target", 1, 2), Int("a", 1, 2));
        Assert.Equal(ColumnType.Int, new RelativeDifferenceProcessor("target", ["a"]).Postprocess(dest, dest)["target"].Type);
    }

    [Fact]
    public void Chains_keep_the_order_of_ages()
    {
        var source = Of(Int("age_t0", 20, 30, 40), Int("age_t1", 25, 31, 60), Int("age_t2", 26, 40, 61));
        var t2 = new RelativeDifferenceProcessor("age_t2", ["age_t1"], targetRename: "d2", dropOriginalTarget: true);
        var t1 = new RelativeDifferenceProcessor("age_t1", ["age_t0"], targetRename: "d1", dropOriginalTarget: true);
        var pre = t1.Preprocess(t2.Preprocess(source));
        Assert.Equal(["age_t0", "d2", "d1"], pre.ColumnNames);

        // Avatarized differences are positive: the rebuilt ages stay ordered.
        var dest = Of(Int("age_t0", 22, 35, 41), Float("d2", 1, 2, 3), Float("d1", 4, 0, 5));
        var post = t2.Postprocess(source, t1.Postprocess(source, dest));
        Near([26, 35, 46], post.Doubles("age_t1"));
        Near([27, 37, 49], post.Doubles("age_t2"));
    }

    [Fact]
    public void Drop_without_rename_is_an_error()
    {
        var error = Assert.Throws<ArgumentException>(() => new RelativeDifferenceProcessor("t", ["a"], dropOriginalTarget: true));
        Assert.StartsWith("Expected drop_original_target to be False if a target_rename is None, got", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_reference_is_an_error()
    {
        var processor = new RelativeDifferenceProcessor("target", ["a", "nope"]);
        var error = Assert.Throws<ArgumentException>(() => processor.Preprocess(Source()));
        Assert.StartsWith("Expected all reference variables in dataset columns, got {'nope'} instead.", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => processor.Postprocess(Source(), Source()));
    }

    [Fact]
    public void Missing_values_in_references_are_an_error()
    {
        var data = Of(Int("target", 1, 2), Float("a", 1, double.NaN));
        var error = Assert.Throws<ArgumentException>(() => new RelativeDifferenceProcessor("target", ["a"]).Preprocess(data));
        Assert.StartsWith("Expected no missing values for `references`, got column with missing values instead", error.Message, StringComparison.Ordinal);
    }
}
