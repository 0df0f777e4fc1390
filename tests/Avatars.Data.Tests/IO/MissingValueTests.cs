namespace Avatars.Data.Tests.IO;

public class MissingValueTests
{
    public static TheoryData<string> Markers => new(TableReadOptions.DefaultMissingValues);

    [Theory]
    [MemberData(nameof(Markers))]
    public void Each_default_marker_is_missing_in_every_type(string marker)
    {
        var q = marker.Length == 0 ? string.Empty : marker;
        var table = Io.Csv(
            "f,i,b,d,z,c\n"
            + "1.5,1,true,2020-01-31,2020-01-31T10:00:00Z,a\n"
            + $"{q},{q},{q},{q},{q},{q}\n"
            + "2.5,2,false,2020-02-01,2020-02-01T10:00:00Z,b\n");

        Assert.Equal(
            [ColumnType.Float, ColumnType.Int, ColumnType.Bool, ColumnType.DateTime, ColumnType.DateTimeTz, ColumnType.Category],
            table.Columns.Select(c => c.Type));
        Assert.All(table.Columns, c => Assert.True(c.IsMissing(1), $"{c.Name}: '{marker}' should be missing"));
        Assert.All(table.Columns, c => Assert.False(c.IsMissing(0)));
        Assert.True(double.IsNaN(((FloatColumn)table["f"])[1]));
        Assert.Equal(-1, ((CategoryColumn)table["c"])[1]);
    }

    [Fact]
    public void A_quoted_empty_field_is_missing_too()
    {
        var table = Io.Csv("a,b\n1,\"\"\n2,x\n");
        Assert.True(table["b"].IsMissing(0));
    }

    [Fact]
    public void Markers_are_exact_and_case_sensitive()
    {
        var column = Assert.IsType<CategoryColumn>(Io.Csv("a\nna\n NA\nNa\n")["a"]);
        Assert.Equal(0, column.MissingCount);
    }

    [Fact]
    public void Custom_markers_replace_the_defaults()
    {
        var options = new TableReadOptions { MissingValues = ["-", "?"] };
        var table = Io.Csv("a,b\n1,x\n-,NA\n?,\n", options);

        var a = Assert.IsType<IntColumn>(table["a"]);
        Assert.Equal(2, a.MissingCount);
        var b = Assert.IsType<CategoryColumn>(table["b"]);
        Assert.Equal(["", "NA", "x"], b.Levels); // "NA" and "" are ordinary texts now
        Assert.Equal(0, b.MissingCount);
    }
}
