using Avatars.Testing;

namespace Avatars.Data.Tests.IO;

public class SharedDataTests
{
    [Fact]
    public async Task Iris_reads_150_rows_of_four_floats_and_a_category()
    {
        var table = await TableReader.ReadAsync(SharedData.PathOf("saiph/iris.csv"), cancellationToken: Io.Ct);

        Assert.Equal("iris", table.Name);
        Assert.Equal(150, table.RowCount);
        Assert.Equal(["sepal.length", "sepal.width", "petal.length", "petal.width", "variety"], table.ColumnNames);
        Assert.All(table.Columns.Take(4), c => Assert.Equal(ColumnType.Float, c.Type));
        var variety = Assert.IsType<CategoryColumn>(table["variety"]);
        Assert.Equal(["Setosa", "Versicolor", "Virginica"], variety.Levels);
        Assert.Equal(0.2, ((FloatColumn)table["petal.width"])[0]); // written ".2" in the file
        Assert.Equal(5.1, ((FloatColumn)table["sepal.length"])[0]);
        Assert.Equal(0, table.Columns.Sum(c => c.MissingCount));
    }

    [Fact]
    public void Wbcd_reads_683_rows_of_ten_int_columns()
    {
        var table = TableReader.ReadCsv(SharedData.PathOf("avatar-python/wbcd.csv"));

        Assert.Equal("wbcd", table.Name);
        Assert.Equal(683, table.RowCount);
        Assert.Equal(10, table.ColumnCount);
        Assert.All(table.Columns, c => Assert.Equal(ColumnType.Int, c.Type));
        Assert.Equal("Clump_Thickness", table[0].Name);
        Assert.Equal(5L, ((IntColumn)table["Clump_Thickness"])[0]);
        Assert.Equal(2L, ((IntColumn)table["Class"])[0]);
    }
}
