namespace Avatars.Data.Tests.IO;

/// <summary>Type inference rules (pandas dtypes → avatar types), through the CSV reader.</summary>
public class InferenceTests
{
    private static Column Single(string csvBody, TableReadOptions? options = null) => Io.Csv("x\n" + csvBody, options)["x"];

    [Fact]
    public void All_integers_give_int()
    {
        var column = Assert.IsType<IntColumn>(Single("1\n-2\n+3\n007\n"));
        Assert.Equal([1L, -2L, 3L, 7L], column.Values.ToArray());
        Assert.Equal(0, column.MissingCount);
    }

    [Fact]
    public void Integers_with_missing_values_stay_int_with_a_mask()
    {
        var column = Assert.IsType<IntColumn>(Single("1\nNA\n\"\"\n4\n"));
        Assert.Equal([false, true, true, false], Enumerable.Range(0, 4).Select(column.IsMissing));
        Assert.Equal(4L, column[3]);
    }

    [Fact]
    public void A_decimal_point_makes_float_even_for_whole_values()
    {
        var column = Assert.IsType<FloatColumn>(Single("1.0\n2.0\n"));
        Assert.Equal([1.0, 2.0], column.Values.ToArray());
    }

    [Fact]
    public void Integers_mixed_with_reals_give_float()
    {
        var column = Assert.IsType<FloatColumn>(Single("1\n2\n.5\n-3e-4\nNA\n7\n"));
        Assert.Equal([1.0, 2.0, 0.5, -3e-4, double.NaN, 7.0], column.Values.ToArray());
    }

    [Fact]
    public void Integers_too_large_for_int64_give_float()
    {
        var column = Assert.IsType<FloatColumn>(Single("1\n99999999999999999999\n"));
        Assert.Equal(1e20, column[1]);
    }

    [Fact]
    public void True_and_false_in_any_case_give_bool()
    {
        var column = Assert.IsType<BoolColumn>(Single("true\nFALSE\nTrue\nNA\nfalse\n"));
        Assert.Equal([true, false, true, null, false], Enumerable.Range(0, 5).Select(column.GetValue));
    }

    [Fact]
    public void Zero_and_one_are_int_not_bool() => Assert.IsType<IntColumn>(Single("0\n1\n1\n"));

    [Fact]
    public void Iso_dates_and_datetimes_give_datetime()
    {
        var column = Assert.IsType<DateTimeColumn>(Single("2020-01-31\n2020-01-31 10:00:00\n2020-02-01T08:30:00.25\nNA\n"));
        Assert.Equal(ColumnType.DateTime, column.Type);
        Assert.Equal(new DateTime(2020, 1, 31), Assert.IsType<DateTime>(column.GetValue(0)));
        Assert.Equal(new DateTime(2020, 1, 31, 10, 0, 0), Assert.IsType<DateTime>(column.GetValue(1)));
        Assert.Equal(new DateTime(2020, 2, 1, 8, 30, 0, 250), Assert.IsType<DateTime>(column.GetValue(2)));
        Assert.True(column.IsMissing(3));
    }

    [Fact]
    public void Timestamps_with_offsets_give_datetime_tz_with_that_offset()
    {
        var column = Assert.IsType<DateTimeColumn>(Single("2020-01-31T10:00:00+01:00\n2020-06-30 12:30:00+01:00\n"));
        Assert.Equal(ColumnType.DateTimeTz, column.Type);
        Assert.Equal(TimeSpan.FromHours(1), column.Offset);
        Assert.Equal(new DateTimeOffset(2020, 1, 31, 10, 0, 0, TimeSpan.FromHours(1)), Assert.IsType<DateTimeOffset>(column.GetValue(0)));
        Assert.Equal("2020-06-30 12:30:00+01:00", column.FormatValue(1));
    }

    [Fact]
    public void Utc_designator_gives_datetime_tz_at_utc()
    {
        var column = Assert.IsType<DateTimeColumn>(Single("2020-01-31T10:00:00Z\n2020-01-31T11:00:00Z\n"));
        Assert.Equal(ColumnType.DateTimeTz, column.Type);
        Assert.Equal(TimeSpan.Zero, column.Offset);
    }

    [Fact]
    public void Different_offsets_give_datetime_tz_shown_in_utc()
    {
        var column = Assert.IsType<DateTimeColumn>(Single("2020-01-31T10:00:00+01:00\n2020-01-31T10:00:00-05:00\n"));
        Assert.Equal(ColumnType.DateTimeTz, column.Type);
        Assert.Equal(TimeSpan.Zero, column.Offset);
        Assert.Equal(new DateTime(2020, 1, 31, 15, 0, 0).Ticks, column.Ticks[1]);
    }

    [Fact]
    public void Naive_and_zoned_timestamps_mixed_give_category() =>
        Assert.IsType<CategoryColumn>(Single("2020-01-31T10:00:00+01:00\n2020-01-31 10:00:00\n"));

    [Theory]
    [InlineData("a\nb\na\n")]
    [InlineData("1\n2\nthree\n")]
    [InlineData("1.5\nn/a\n")]
    [InlineData("true\n1\n")]
    [InlineData("1\ntrue\n")]
    [InlineData("2020-01-31\n42\n")]
    [InlineData("2020-01-31\nsoon\n")]
    [InlineData("01/31/2020\n")]
    public void Anything_else_gives_category(string body) => Assert.IsType<CategoryColumn>(Single(body));

    [Fact]
    public void Category_levels_are_the_verbatim_texts()
    {
        var column = Assert.IsType<CategoryColumn>(Single("b\n a\nb\n\"c,d\"\nNA\n"));
        Assert.Equal([" a", "b", "c,d"], column.Levels);
        Assert.Equal(["b", " a", "b", "c,d", null], Enumerable.Range(0, 5).Select(column.FormatValue));
    }

    [Fact]
    public void A_column_of_only_missing_values_gives_float_nan()
    {
        var column = Assert.IsType<FloatColumn>(Io.Csv("x,y\n,1\nNA,2\n")["x"]);
        Assert.Equal(2, column.MissingCount);
    }

    [Fact]
    public void Blank_lines_are_skipped_even_in_a_single_column_file_like_pandas_does() =>
        Assert.Equal(2, Single("1\n\n2\n").Length);

    [Fact]
    public void Header_only_gives_zero_rows_of_float()
    {
        var table = Io.Csv("a,b,c\n");
        Assert.Equal(0, table.RowCount);
        Assert.Equal(["a", "b", "c"], table.ColumnNames);
        Assert.All(table.Columns, c => Assert.Equal(ColumnType.Float, c.Type));
    }

    [Fact]
    public void Header_only_keeps_overridden_types()
    {
        var table = Io.Csv("a,b\n", Io.Types(("a", ColumnType.Int), ("b", ColumnType.DateTimeTz)));
        Assert.IsType<IntColumn>(table["a"]);
        Assert.Equal(ColumnType.DateTimeTz, table["b"].Type);
    }

    [Fact]
    public void Override_to_category_keeps_the_original_texts()
    {
        var column = Assert.IsType<CategoryColumn>(Single("10\n1\n01\n2\n1\nNA\n", Io.Types(("x", ColumnType.Category))));
        Assert.Equal(["01", "1", "2", "10"], column.Levels); // numeric order, "1" and "01" distinct
        Assert.Equal(["10", "1", "01", "2", "1", null], Enumerable.Range(0, 6).Select(column.FormatValue));
    }

    [Fact]
    public void Override_to_float_reads_integers_as_float() =>
        Assert.Equal([1.0, 2.0], Assert.IsType<FloatColumn>(Single("1\n2\n", Io.Types(("x", ColumnType.Float)))).Values.ToArray());

    [Fact]
    public void Override_to_int_accepts_whole_reals()
    {
        var column = Assert.IsType<IntColumn>(Single("3.0\n1e2\nNA\n", Io.Types(("x", ColumnType.Int))));
        Assert.Equal([3L, 100L], column.Values[..2].ToArray());
        Assert.True(column.IsMissing(2));
    }

    [Fact]
    public void Override_to_bool_accepts_one_and_zero() =>
        Assert.Equal([true, false, true], Enumerable.Range(0, 3).Select(i => (bool)Single("1\n0\nTRUE\n", Io.Types(("x", ColumnType.Bool))).GetValue(i)!));

    [Fact]
    public void Override_to_datetime_tz_takes_naive_values_as_utc()
    {
        var column = Assert.IsType<DateTimeColumn>(Single("2020-01-31 10:00:00\n", Io.Types(("x", ColumnType.DateTimeTz))));
        Assert.Equal(ColumnType.DateTimeTz, column.Type);
        Assert.Equal(new DateTimeOffset(2020, 1, 31, 10, 0, 0, TimeSpan.Zero), Assert.IsType<DateTimeOffset>(column.GetValue(0)));
    }

    [Fact]
    public void Override_of_an_all_missing_column_gives_that_type()
    {
        var column = Single("\"\"\nNA\n", Io.Types(("x", ColumnType.Category)));
        Assert.Equal(ColumnType.Category, column.Type);
        Assert.Equal(2, column.MissingCount);
    }

    [Fact]
    public void Other_columns_are_still_inferred_next_to_an_override()
    {
        var table = Io.Csv("a,b\n1,x\n2,y\n", Io.Types(("b", ColumnType.Category)));
        Assert.Equal(ColumnType.Int, table["a"].Type);
    }

    [Fact]
    public void Max_rows_limits_the_rows_read()
    {
        var table = Io.Csv("a\n1\n2\nx\n", new TableReadOptions { MaxRows = 2 });
        Assert.Equal(2, table.RowCount);
        Assert.Equal(ColumnType.Int, table["a"].Type); // "x" on row 3 was not read
        Assert.Equal(0, Io.Csv("a\n1\n", new TableReadOptions { MaxRows = 0 }).RowCount);
    }
}
