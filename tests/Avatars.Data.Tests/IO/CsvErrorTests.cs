using System.IO.Compression;
using System.Text;

namespace Avatars.Data.Tests.IO;

/// <summary>Every CSV error names what is wrong, where, and what to do.</summary>
public class CsvErrorTests
{
    [Fact]
    public async Task A_missing_file_names_the_path()
    {
        using var dir = new Io.TempDir();
        var path = dir.File("nope.csv");

        var error = await Assert.ThrowsAsync<TableFormatException>(() => TableReader.ReadCsvAsync(path, null, Io.Ct));

        Assert.Contains(path, error.Message);
        Assert.Contains("does not exist", error.Message);
        Assert.Equal(path, error.Path);
        Assert.Equal("nope", error.TableName);
        Assert.IsType<FileNotFoundException>(error.InnerException);
    }

    [Fact]
    public void A_missing_folder_names_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "x.csv");
        var error = Assert.Throws<TableFormatException>(() => TableReader.ReadCsv(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("folder does not exist", error.Message);
    }

    [Fact]
    public async Task A_folder_given_as_file_is_reported()
    {
        using var dir = new Io.TempDir();
        var error = await Assert.ThrowsAsync<TableFormatException>(() => TableReader.ReadCsvAsync(dir.Path, null, Io.Ct));
        Assert.Contains("is a folder", error.Message);
        Assert.Contains(dir.Path, error.Message);
    }

    [Fact]
    public async Task An_unsupported_extension_lists_the_supported_ones()
    {
        using var dir = new Io.TempDir();
        var path = dir.Write("data.xlsx", "a\n1\n");

        var error = await Assert.ThrowsAsync<TableFormatException>(() => TableReader.ReadAsync(path, null, Io.Ct));

        Assert.Contains("'.xlsx'", error.Message);
        Assert.Contains(".csv", error.Message);
        Assert.Contains(".parquet", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \r\n")]
    [InlineData("\uFEFF")]
    public void An_empty_file_is_reported(string text)
    {
        var error = Io.CsvError(text);
        Assert.Contains("empty", error.Message);
        Assert.Contains("header", error.Message);
    }

    [Fact]
    public void An_empty_file_on_disk_names_the_file()
    {
        using var dir = new Io.TempDir();
        var path = dir.Write("blank.csv", string.Empty);
        var error = Assert.Throws<TableFormatException>(() => TableReader.ReadCsv(path));
        Assert.Contains($"Cannot read table 'blank' from '{path}': the file is empty", error.Message);
    }

    [Fact]
    public void Duplicate_column_names_are_reported_with_their_positions()
    {
        var error = Io.CsvError("id,age,name,age\n1,2,x,3\n");
        Assert.Contains("'age' appears more than once", error.Message);
        Assert.Contains("columns 2 and 4", error.Message);
        Assert.Contains("Rename", error.Message);
        Assert.Equal("age", error.ColumnName);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void An_empty_column_name_is_reported_with_its_position()
    {
        var error = Io.CsvError("id,,name\n1,2,x\n");
        Assert.Contains("column 2 of 3 in the header (line 1) has no name", error.Message);
    }

    [Fact]
    public void A_trailing_delimiter_in_the_header_is_pointed_out()
    {
        var error = Io.CsvError("id,name,\n1,x,\n");
        Assert.Contains("column 3 of 3", error.Message);
        Assert.Contains("remove the delimiter at the end of the header line", error.Message);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_gives_its_line()
    {
        var lines = new StringBuilder("a,b,c,d,e\n");
        for (var i = 2; i <= 16; i++)
        {
            lines.Append("1,2,3,4,5\n");
        }

        lines.Append("1,2,3,4\n1,2,3,4,5\n");
        var error = Io.CsvError(lines.ToString());

        Assert.Contains("line 17 has 4 fields but the header has 5", error.Message);
        Assert.Contains("check the delimiter (',') or quoting", error.Message);
        Assert.Equal(17, error.Line);
        Assert.Equal(16, error.Row);
    }

    [Fact]
    public void Line_numbers_count_the_lines_inside_quoted_fields()
    {
        var error = Io.CsvError("a,b\n1,\"x\ny\nz\"\n2\n");
        Assert.Contains("line 5 has 1 field but the header has 2", error.Message);
    }

    [Fact]
    public void A_quote_never_closed_is_reported_where_it_opens()
    {
        var error = Io.CsvError("a,b\n1,x\n2,\"oops\n3,y\n4,z\n");
        Assert.Contains("a double quote opened on line 3 is never closed, so the rest of the file would be read as one value", error.Message);
        Assert.Equal(3, error.Line);
        Assert.Equal(2, error.Row);
    }

    [Fact]
    public void A_row_that_spans_lines_with_too_few_fields_hints_at_quoting()
    {
        var error = Io.CsvError("a,b,c\n1,\"x\ny\",2\n3,\"p,q\nr\"\n");
        Assert.Contains("line 4 has 2 fields but the header has 3 (this row spans lines 4–5: a quote may be left open)", error.Message);
    }

    [Fact]
    public void A_forced_delimiter_that_does_not_split_the_header_suggests_the_right_one()
    {
        var error = Io.CsvError("a;b;c\n1;2;3\n4;5;6\n", new TableReadOptions { Delimiter = ',' });

        Assert.Contains("with the delimiter ','", error.Message);
        Assert.Contains("single column", error.Message);
        Assert.Contains("seems to use ';' (3 columns)", error.Message);
        Assert.Contains("Set Delimiter to ';'", error.Message);
    }

    [Fact]
    public void A_forced_comma_on_a_tab_file_suggests_tab()
    {
        var error = Io.CsvError("a\tb\n1\t2\n", new TableReadOptions { Delimiter = ',' });
        Assert.Contains("tab ('\\t')", error.Message);
    }

    [Fact]
    public void Nul_bytes_mean_binary_input()
    {
        using var stream = new MemoryStream([(byte)'a', (byte)',', 0, 1, 2, (byte)'\n']);
        var error = Assert.Throws<TableFormatException>(() => TableReader.ReadCsv(stream));
        Assert.Contains("binary, not CSV text", error.Message);
        Assert.Contains("NUL", error.Message);
    }

    [Fact]
    public async Task A_parquet_file_read_as_csv_says_it_is_parquet()
    {
        using var dir = new Io.TempDir();
        var parquet = dir.File("data.parquet");
        await TableWriter.WriteParquetAsync(new Table([new IntColumn("a", [1, 2])]), parquet, Io.Ct);
        var renamed = dir.File("data.csv");
        File.Move(parquet, renamed);

        var error = await Assert.ThrowsAsync<TableFormatException>(() => TableReader.ReadAsync(renamed, null, Io.Ct));

        Assert.Contains("is a Parquet file, not CSV text", error.Message);
        Assert.Contains(".parquet", error.Message);
        Assert.Contains(renamed, error.Message);
    }

    [Fact]
    public void A_gzip_file_says_decompress_it()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write("a,b\n1,2\n"u8);
        }

        buffer.Position = 0;
        var error = Assert.Throws<TableFormatException>(() => TableReader.ReadCsv(buffer));
        Assert.Contains("gzip-compressed", error.Message);
    }

    [Fact]
    public void An_excel_workbook_says_export_it_as_csv()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/workbook.xml").Open();
            entry.Write("<workbook/>"u8);
        }

        buffer.Position = 0;
        var error = Assert.Throws<TableFormatException>(() => TableReader.ReadCsv(buffer));
        Assert.Contains("Excel .xlsx", error.Message);
        Assert.Contains("CSV UTF-8", error.Message);
    }

    [Fact]
    public void Text_that_is_not_utf8_is_reported()
    {
        var latin1 = Encoding.Latin1.GetBytes("nom,ville\nÉlodie,Besançon\n");
        using var stream = new MemoryStream(latin1);

        var error = Assert.Throws<TableFormatException>(() => TableReader.ReadCsv(stream));

        Assert.Contains("not valid UTF-8 text", error.Message);
        Assert.Contains("Save it as UTF-8", error.Message);
        Assert.IsType<DecoderFallbackException>(error.InnerException);
    }

    [Fact]
    public void An_override_that_cannot_parse_a_value_names_table_column_row_line_and_text()
    {
        using var dir = new Io.TempDir();
        var path = dir.Write("patients.csv", "id,age\n1,34\n2,\"multi\nline\"\n3,\n4,forty\n");
        var options = Io.Types(("id", ColumnType.Int), ("age", ColumnType.Category));
        Assert.Equal(4, TableReader.ReadCsv(path, options).RowCount);

        var error = Assert.Throws<TableFormatException>(() => TableReader.ReadCsv(path, Io.Types(("age", ColumnType.Int))));

        Assert.Equal(
            $"Table 'patients' ('{path}'), column 'age', row 2 (line 3): cannot read 'multi\nline' as int (a whole number such as 42 or -7). "
            + "Fix the value, add the text to MissingValues if it marks a missing value, or read the column as float or category.",
            error.Message);
        Assert.Equal("patients", error.TableName);
        Assert.Equal("age", error.ColumnName);
        Assert.Equal(2, error.Row);
        Assert.Equal(3, error.Line);
        Assert.Equal(path, error.Path);
    }

    [Theory]
    [InlineData(ColumnType.Float, "x1", "as float")]
    [InlineData(ColumnType.Bool, "maybe", "as bool (true/false")]
    [InlineData(ColumnType.DateTime, "31/01/2020", "as datetime (ISO 8601")]
    [InlineData(ColumnType.DateTimeTz, "tomorrow", "as datetime_tz (ISO 8601")]
    public void Each_override_reports_the_first_bad_value(ColumnType type, string bad, string expected)
    {
        var error = Io.CsvError($"v\n\n{bad}\n", Io.Types(("v", type)));
        Assert.Contains($"column 'v', row 1 (line 3): cannot read '{bad}' {expected}", error.Message);
    }

    [Fact]
    public void A_datetime_override_on_zoned_values_suggests_datetime_tz()
    {
        var error = Io.CsvError("t\n2020-01-01T00:00:00+01:00\n", Io.Types(("t", ColumnType.DateTime)));
        Assert.Contains("has a UTC offset", error.Message);
        Assert.Contains("datetime_tz", error.Message);
    }

    [Fact]
    public void The_leftmost_bad_column_is_reported()
    {
        var error = Io.CsvError("a,b\nx,y\n", Io.Types(("b", ColumnType.Int), ("a", ColumnType.Float)));
        Assert.Equal("a", error.ColumnName);
    }

    [Fact]
    public void An_override_for_an_unknown_column_lists_the_columns()
    {
        var error = Io.CsvError("id,age\n1,2\n", Io.Types(("Age", ColumnType.Int)));
        Assert.Contains("a type is given for the column 'Age', which is not in the file", error.Message);
        Assert.Contains("Its columns are: id, age.", error.Message);
        Assert.Equal("Age", error.ColumnName);
    }

    [Fact]
    public async Task A_cancelled_read_throws_operation_cancelled()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Io.Ct);
        await cancel.CancelAsync();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("a\n1\n"));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TableReader.ReadCsvAsync(stream, null, cancel.Token));
    }

    [Fact]
    public void Invalid_options_are_argument_errors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Io.Csv("a\n1\n", new TableReadOptions { MaxRows = -1 }));
        Assert.Throws<ArgumentException>(() => Io.Csv("a\n1\n", new TableReadOptions { Delimiter = '"' }));
        Assert.Throws<ArgumentException>(() => Io.Csv("a\n1\n", new TableReadOptions { Delimiter = '\n' }));
    }
}
