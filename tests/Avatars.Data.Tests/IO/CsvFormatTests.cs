using System.Text;
using Avatars.Data.IO.Csv;

namespace Avatars.Data.Tests.IO;

/// <summary>Delimiter detection, quoting, line endings, BOM and other CSV dialect details.</summary>
public class CsvFormatTests
{
    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public void The_delimiter_is_detected(char delimiter)
    {
        var d = delimiter.ToString();
        var table = Io.Csv($"a{d}b{d}c\n1{d}x{d}2.5\n2{d}y{d}3.5\n");

        Assert.Equal(["a", "b", "c"], table.ColumnNames);
        Assert.Equal([ColumnType.Int, ColumnType.Category, ColumnType.Float], table.Columns.Select(c => c.Type));
        Assert.Equal(3.5, ((FloatColumn)table["c"])[1]);
    }

    [Fact]
    public void Semicolons_win_over_decimal_commas()
    {
        // Decimal commas are not parsed as numbers (the values stay text), but the delimiter is right.
        var table = Io.Csv("a;b\n1,5;2\n2,25;3\n");
        Assert.Equal(["a", "b"], table.ColumnNames);
        Assert.Equal(["1,5", "2,25"], ((CategoryColumn)table["a"]).Levels);
        Assert.Equal(ColumnType.Int, table["b"].Type);
    }

    [Fact]
    public void Quoted_commas_do_not_count_when_detecting_semicolons()
    {
        var table = Io.Csv("\"name, full\";age\n\"Doe, John\";42\n\"Roe, Jane\";37\n");
        Assert.Equal(["name, full", "age"], table.ColumnNames);
        Assert.Equal(["Doe, John", "Roe, Jane"], ((CategoryColumn)table["name, full"]).Levels);
    }

    [Fact]
    public void Quoted_fields_hold_delimiters_quotes_and_newlines()
    {
        var table = Io.Csv("id,text,n\n1,\"a;b,c\",1.5\n2,\"say \"\"hi\"\"\",2\n3,\"two\nlines\",3\n4,plain,4\n");

        Assert.Equal(4, table.RowCount);
        var text = (CategoryColumn)table["text"];
        Assert.Equal(["a;b,c", "say \"hi\"", "two\nlines", "plain"], Enumerable.Range(0, 4).Select(text.FormatValue));
        Assert.Equal([1.5, 2, 3, 4], ((FloatColumn)table["n"]).Values.ToArray());
    }

    [Fact]
    public void Quoted_numbers_are_still_numbers() =>
        Assert.Equal(ColumnType.Float, Io.Csv("\"a\"\n\"1.5\"\n\"2\"\n")["a"].Type);

    [Fact]
    public void Semicolon_file_with_quoted_newlines_and_semicolons()
    {
        var table = Io.Csv("a;b\n\"x;\ny\";1\nz;2\n");
        Assert.Equal(["x;\ny", "z"], Enumerable.Range(0, 2).Select(table["a"].FormatValue));
        Assert.Equal(ColumnType.Int, table["b"].Type);
    }

    [Fact]
    public void A_forced_delimiter_is_used()
    {
        var table = Io.Csv("a;b|c\n1;2|3\n", new TableReadOptions { Delimiter = '|' });
        Assert.Equal(["a;b", "c"], table.ColumnNames);
    }

    [Fact]
    public void A_single_column_file_reads_as_one_column()
    {
        var table = Io.Csv("value\n1\n2\n3\n");
        Assert.Equal(["value"], table.ColumnNames);
        Assert.Equal(3, table.RowCount);
    }

    [Fact]
    public void Bom_crlf_blank_lines_and_a_missing_final_newline_are_handled()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("a,b\r\n1,x\r\n\r\n2,y")).ToArray();
        using var stream = new MemoryStream(bytes);

        var table = TableReader.ReadCsv(stream);

        Assert.Equal(["a", "b"], table.ColumnNames); // no BOM in the first name
        Assert.Equal(2, table.RowCount);
        Assert.Equal(["x", "y"], ((CategoryColumn)table["b"]).Levels);
    }

    [Fact]
    public void A_trailing_empty_line_adds_no_row() => Assert.Equal(2, Io.Csv("a\n1\n2\n\n\n").RowCount);

    [Fact]
    public void Utf16_with_a_bom_is_read()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("nom;âge\nÉlodie;31\n")).ToArray();
        using var stream = new MemoryStream(bytes);

        var table = TableReader.ReadCsv(stream);

        Assert.Equal(["nom", "âge"], table.ColumnNames);
        Assert.Equal("Élodie", table["nom"].FormatValue(0));
    }

    [Fact]
    public void A_long_header_beyond_the_first_64_kib_is_detected()
    {
        var names = Enumerable.Range(0, 12_000).Select(i => $"column_{i}").ToArray();
        var text = string.Join(";", names) + "\n" + string.Join(";", names.Select((_, i) => i)) + "\n";

        var table = Io.Csv(text);

        Assert.Equal(12_000, table.ColumnCount);
        Assert.Equal(11_999L, ((IntColumn)table["column_11999"])[0]);
    }

    [Fact]
    public async Task Async_stream_reading_gives_the_same_table()
    {
        const string text = "a,b\n1,x\n2,\"y\nz\"\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var table = await TableReader.ReadCsvAsync(stream, new TableReadOptions { TableName = "t" }, Io.Ct);

        Assert.Equal("t", table.Name);
        Io.Equal(Io.Csv(text), table.WithName("table"));
    }

    [Theory]
    [InlineData("a,b,c\n1,2,3\n", ',', 3)]
    [InlineData("a;b;c\n1;2;3\n", ';', 3)]
    [InlineData("a\tb\n1\t2\n", '\t', 2)]
    [InlineData("a|b\n1|2\n", '|', 2)]
    [InlineData("\"a,b\";c\n\"1,5\";2\n", ';', 2)]
    [InlineData("a,b;c\n1,2;3\n4,5;6\n", ',', 2)]
    [InlineData("a;b,c\n1;2\n3;4\n", ';', 2)]
    [InlineData("single\n1\n", ',', 1)]
    [InlineData("", ',', 1)]
    public void Detector_prefers_the_delimiter_that_splits_lines_consistently(string text, char expected, int fields)
    {
        Assert.Equal((expected, fields), DelimiterDetector.Detect(text, complete: true));
    }
}
