namespace Avatars.Data.Tests.Columns;

public class CategoryOrderTests
{
    [Fact]
    public void Numeric_levels_sort_by_value_then_text()
    {
        Assert.Equal(["-1", "01", "1", "1.0", "2", "9", "10"], CategoryOrder.Sort(["10", "9", "1", "01", "2", "-1", "1.0"]));
    }

    [Fact]
    public void Other_levels_sort_ordinally()
    {
        Assert.Equal(["10", "9", "B", "a", "b"], CategoryOrder.Sort(["b", "a", "B", "9", "10"]));
    }

    [Fact]
    public void Column_remaps_codes_into_category_order()
    {
        var column = new CategoryColumn("c", [0, 1, 2, -1, 0], ["10", "9", "1"]);

        Assert.Equal(["1", "9", "10"], column.Levels);
        Assert.Equal(["10", "9", "1", null, "10"], Enumerable.Range(0, 5).Select(column.FormatValue));
    }

    [Fact]
    public void Many_levels_are_sorted_and_remapped_in_n_log_n()
    {
        // 200,000 distinct numeric levels in reverse order: quadratic remapping would take minutes.
        const int n = 200_000;
        var levels = Enumerable.Range(0, n).Select(i => (n - i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var codes = Enumerable.Range(0, n).ToArray();

        var column = new CategoryColumn("id", codes, levels);

        Assert.Equal("1", column.Levels[0]);
        Assert.Equal("200000", column.Levels[^1]);
        Assert.Equal("200000", column.FormatValue(0));
        Assert.Equal(n - 1, column[0]);
    }

    [Fact]
    public void Null_levels_are_rejected() =>
        Assert.Throws<ArgumentException>(() => new CategoryColumn("c", [0], [null!]));
}
