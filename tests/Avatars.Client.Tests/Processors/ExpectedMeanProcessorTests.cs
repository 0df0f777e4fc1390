using Avatars.Client.Processors;
using Avatars.Data;
using Microsoft.Extensions.Logging;
using static Avatars.Client.Tests.Processors.Tables;

namespace Avatars.Client.Tests.Processors;

public sealed class ExpectedMeanProcessorTests
{
    private static Table Original() => Of(Cat("v1", "a", "a", "b", "b", "b"), Int("v3", 3, 3, 1, 2, 3), Int("v4", 10, 9, 30, 40, 50));

    private static Table Avatars(params long[] v4) =>
        Of(Cat("v1", "a", "a", "b", "b", "b"), Int("v3", 5, 3, 2, 2, 6), Int("v4", v4.Length == 0 ? [8, 11, 20, 42, 55] : v4));

    [Fact]
    public void Mean_only_by_group()
    {
        var processor = new ExpectedMeanProcessor(["v3", "v4"], groupByVariables: ["v1"]);
        var original = Original();
        Assert.Same(original, processor.Preprocess(original));
        var result = processor.Postprocess(original, Avatars());
        Near([4, 2, 0.66667, 0.66667, 4.66667], result.Doubles("v3"));
        Near([8, 11, 21, 43, 56], result.Doubles("v4"));
        Assert.Equal(["v1", "v3", "v4"], result.ColumnNames);
    }

    [Fact]
    public void Same_std_by_group()
    {
        var processor = new ExpectedMeanProcessor(["v3", "v4"], groupByVariables: ["v1"], sameStd: true);
        processor.Preprocess(Original());
        var result = processor.Postprocess(Original(), Avatars());
        Near([3, 3, 1.42265, 1.42265, 3.154701], result.Doubles("v3"));
        Near([9, 10, 29.260565, 41.6957, 49.043735], result.Doubles("v4"), 1e-4);
    }

    [Fact]
    public void Zero_current_std_falls_back_to_the_mean_with_a_warning()
    {
        var logger = new ListLogger();
        var processor = new ExpectedMeanProcessor(["v4"], groupByVariables: ["v1"], sameStd: true, logger: logger);
        processor.Preprocess(Original());
        var result = processor.Postprocess(Original(), Avatars(8, 8, 20, 42, 55));
        Near([9.5, 9.5, 21, 43, 56], result.Doubles("v4"));
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("target variable v4 has a std of 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Same_std_without_groups()
    {
        var processor = new ExpectedMeanProcessor(["v3", "v4"], sameStd: true);
        var pre = processor.Preprocess(Original());
        Assert.DoesNotContain("___NOGROUPVAR___", pre.ColumnNames);
        var result = processor.Postprocess(Original(), Avatars());
        Near([3.09, 2.10, 1.61, 1.61, 3.58], result.Doubles("v3"), 0.01);
        Near([10.78, 13.44, 21.42, 40.92, 52.45], result.Doubles("v4"), 0.01);
    }

    [Fact]
    public void Mean_only_without_groups_matches_the_overall_mean()
    {
        var processor = new ExpectedMeanProcessor(["v4"]);
        processor.Preprocess(Original());
        var result = processor.Postprocess(Original(), Avatars());
        Assert.Equal(Original().Doubles("v4").Average(), result.Doubles("v4").Average(), 9);
    }

    [Fact]
    public void Missing_group_values_form_a_group()
    {
        var original = Of(Cat("g", "a", null, null), Float("x", 1, 10, 20));
        var avatars = Of(Cat("g", "a", null, null), Float("x", 2, 0, 2));
        var processor = new ExpectedMeanProcessor(["x"], groupByVariables: ["g"]);
        processor.Preprocess(original);
        Near([1, 14, 16], processor.Postprocess(original, avatars).Doubles("x"));
    }

    [Fact]
    public void Unseen_groups_are_kept_unchanged_with_a_warning()
    {
        var logger = new ListLogger();
        var processor = new ExpectedMeanProcessor(["v3"], groupByVariables: ["v1"], logger: logger);
        processor.Preprocess(Original());
        var dest = Of(Cat("v1", "a", "a", "c"), Int("v3", 5, 3, 7), Int("v4", 1, 2, 3));
        var result = processor.Postprocess(Original(), dest);
        Assert.Equal(3, result.RowCount);
        Near([4, 2, 7], result.Doubles("v3"));
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public void Postprocess_does_not_modify_dest()
    {
        var processor = new ExpectedMeanProcessor(["v3"], groupByVariables: ["v1"]);
        processor.Preprocess(Original());
        var dest = Avatars();
        processor.Postprocess(Original(), dest);
        Near([5, 3, 2, 2, 6], dest.Doubles("v3"));
    }

    [Fact]
    public void Errors_name_the_problem()
    {
        Assert.Throws<ArgumentException>(() => new ExpectedMeanProcessor([]));
        var processor = new ExpectedMeanProcessor(["nope"]);
        Assert.Contains("'nope'", Assert.Throws<ArgumentException>(() => processor.Preprocess(Original())).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => new ExpectedMeanProcessor(["v3"]).Postprocess(Original(), Original()));
        Assert.Throws<ArgumentException>(() => new ExpectedMeanProcessor(["v1"]).Preprocess(Original()));
    }
}
