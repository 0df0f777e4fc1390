using Avatars.Client.Lib;
using Avatars.Data;
using static Avatars.Client.Tests.Processors.Tables;

namespace Avatars.Client.Tests.Lib;

public sealed class ColumnTypesTests
{
    [Fact]
    public void Continuous_under_threshold()
    {
        var data = Of(Int("v1", 1, 1, 2), Int("v2", 1, 2, 3));
        Assert.Equal(["v1"], ColumnTypes.GetContinuousUnderThreshold(data, threshold: 2));
    }

    [Fact]
    public void Continuous_under_threshold_ignores_missing_values_and_categories()
    {
        var data = Of(Float("f", 1, double.NaN, 1), Cat("c", "a", "a", "a"), Bool("b", true, true, false), Dates("d", DateTime.UnixEpoch, DateTime.UnixEpoch, DateTime.UnixEpoch));
        Assert.Equal(["f", "b", "d"], ColumnTypes.GetContinuousUnderThreshold(data, threshold: 1 + 1));
        Assert.Equal(["f", "d"], ColumnTypes.GetContinuousUnderThreshold(data, threshold: 1));
    }

    [Fact]
    public void Default_threshold_is_ten()
    {
        var data = Of(Int("ten", Enumerable.Range(0, 10).Select(i => (long)i).ToArray()), Int("eleven", Enumerable.Range(0, 10).Select(i => (long)i + (i == 9 ? 100 : 0)).ToArray()));
        Assert.Equal(["ten", "eleven"], ColumnTypes.GetContinuousUnderThreshold(data));
        var wide = Of(Int("many", Enumerable.Range(0, 11).Select(i => (long)i).ToArray()));
        Assert.Empty(ColumnTypes.GetContinuousUnderThreshold(wide));
    }

    [Fact]
    public void Split_columns_types()
    {
        var data = Of(
            Int("i", 1),
            Cat("s", "a"),
            Float("f", 1.5),
            Dates("d", DateTime.UnixEpoch),
            Bool("b", true),
            new IntColumn("i_missing", [1], [true]),
            Float("f_nan", double.NaN));
        var (continuous, categorical) = ColumnTypes.SplitColumnsTypes(data);
        Assert.Equal([0, 2, 5, 6], continuous);
        Assert.Equal([1, 3, 4], categorical);
    }

    [Fact]
    public void Split_of_an_empty_table()
    {
        var (continuous, categorical) = ColumnTypes.SplitColumnsTypes(new Table([]));
        Assert.Empty(continuous);
        Assert.Empty(categorical);
    }
}
