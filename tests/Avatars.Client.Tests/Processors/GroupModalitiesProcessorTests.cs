using Avatars.Client.Processors;
using Avatars.Data;
using static Avatars.Client.Tests.Processors.Tables;

namespace Avatars.Client.Tests.Processors;

public sealed class GroupModalitiesProcessorTests
{
    [Fact]
    public void Global_threshold_groups_rare_modalities()
    {
        var source = Of(Cat("v1", "red", "blue", "blue", "green"));
        var result = new GroupModalitiesProcessor(minUnique: 2, globalThreshold: 1).Preprocess(source);
        Assert.Equal(["other", "blue", "blue", "other"], result.Texts("v1"));
    }

    [Fact]
    public void Global_mode_leaves_columns_under_min_unique_and_numeric_columns()
    {
        var source = Of(Cat("v1", "green", "green", "green", "green"), Int("n", 1, 2, 3, 3));
        var result = new GroupModalitiesProcessor(minUnique: 2, globalThreshold: 1).Preprocess(source);
        Assert.Equal(["green", "green", "green", "green"], result.Texts("v1"));
        Assert.Same(source["n"], result["n"]);
    }

    [Fact]
    public void Variable_thresholds_group_each_column_with_its_own_threshold()
    {
        var source = Of(Cat("v1", "red", "blue", "blue", "green"), Cat("v2", "red", "blue", "blue", "red"), Cat("v3", "a", "b", "c", "d"));
        var processor = new GroupModalitiesProcessor(variableThresholds: new Dictionary<string, int> { ["v1"] = 1, ["v2"] = 2 });
        var result = processor.Preprocess(source);
        Assert.Equal(["other", "blue", "blue", "other"], result.Texts("v1"));
        Assert.Equal(["other", "other", "other", "other"], result.Texts("v2"));
        Assert.Same(source["v3"], result["v3"]);
    }

    [Fact]
    public void New_category_and_missing_values()
    {
        var source = Of(Cat("v", "a", null, "b", "b", null, "c"));
        var result = new GroupModalitiesProcessor(minUnique: 2, globalThreshold: 1, newCategory: "rare").Preprocess(source);
        Assert.Equal(["rare", null, "b", "b", null, "rare"], result.Texts("v"));
    }

    [Fact]
    public void Global_mode_also_groups_timestamps_and_booleans()
    {
        var day = new DateTime(2020, 1, 1);
        var source = Of(Dates("d", day, day, day.AddDays(1)), Bool("b", true, true, false));
        var result = new GroupModalitiesProcessor(minUnique: 2, globalThreshold: 1).Preprocess(source);
        Assert.Equal(ColumnType.Category, result["d"].Type);
        Assert.Equal(["2020-01-01", "2020-01-01", "other"], result.Texts("d"));
        Assert.Equal(["True", "True", "other"], result.Texts("b"));
    }

    [Fact]
    public void No_qualifying_column_returns_the_data()
    {
        var source = Of(Float("x", 1, 2, 3));
        var processor = new GroupModalitiesProcessor(minUnique: 2, globalThreshold: 1);
        var result = processor.Preprocess(source);
        Same(source, result);
        Assert.Empty(processor.FittedThresholds);
    }

    [Fact]
    public void Global_fit_does_not_overwrite_the_configuration()
    {
        var processor = new GroupModalitiesProcessor(minUnique: 2, globalThreshold: 1);
        processor.Preprocess(Of(Cat("a", "x", "y", "y")));
        Assert.Null(processor.VariableThresholds);
        Assert.Equal(new Dictionary<string, int> { ["a"] = 1 }, processor.FittedThresholds);

        // A second table is fitted afresh (Python would have reused column "a").
        var result = processor.Preprocess(Of(Cat("b", "x", "y", "y")));
        Assert.Equal(["other", "y", "y"], result.Texts("b"));
    }

    [Fact]
    public void Postprocess_returns_dest_unchanged()
    {
        var dest = Of(Cat("v", "a"));
        Assert.Same(dest, new GroupModalitiesProcessor(minUnique: 2, globalThreshold: 1).Postprocess(dest, dest));
    }

    [Theory]
    [InlineData(2, null)]
    [InlineData(null, 3)]
    public void Only_one_of_min_unique_and_global_threshold_is_an_error(int? minUnique, int? globalThreshold)
    {
        var error = Assert.Throws<ArgumentException>(() => new GroupModalitiesProcessor(minUnique: minUnique, globalThreshold: globalThreshold));
        Assert.StartsWith("Expected both of (global_threshold, min_unique), got", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Neither_thresholds_nor_global_threshold_is_an_error()
    {
        var error = Assert.Throws<ArgumentException>(() => new GroupModalitiesProcessor());
        Assert.StartsWith("Expected variable_thresholds or (threshold, min_unique),got", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_thresholds_and_global_threshold_is_an_error()
    {
        var error = Assert.Throws<ArgumentException>(() => new GroupModalitiesProcessor(
            variableThresholds: new Dictionary<string, int> { ["v"] = 1 }, minUnique: 2, globalThreshold: 1));
        Assert.StartsWith("Expected variable_thresholds or (threshold, min_unique),got", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_variable_in_thresholds_is_an_error()
    {
        var processor = new GroupModalitiesProcessor(variableThresholds: new Dictionary<string, int> { ["nope"] = 1 });
        var error = Assert.Throws<ArgumentException>(() => processor.Preprocess(Of(Cat("v", "a"))));
        Assert.StartsWith("Expected valid variables in variable_thresholds", error.Message, StringComparison.Ordinal);
        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
    }
}
