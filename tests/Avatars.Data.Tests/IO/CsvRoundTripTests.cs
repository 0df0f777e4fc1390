using System.Text;

namespace Avatars.Data.Tests.IO;

public class CsvRoundTripTests
{
    [Fact]
    public async Task Every_type_with_missing_values_survives_a_round_trip_through_a_file()
    {
        using var dir = new Io.TempDir();
        var table = SampleTables.AllTypes(40);
        var path = dir.File("sample.csv");

        await TableWriter.WriteCsvAsync(table, path, Io.Ct);
        var back = await TableReader.ReadCsvAsync(path, null, Io.Ct);

        Assert.Equal("sample", back.Name);
        Io.Equal(table, back);
    }

    [Fact]
    public async Task A_round_trip_through_a_stream_spanning_several_chunks_is_exact()
    {
        var table = SampleTables.AllTypes(40_000);
        using var stream = new MemoryStream();

        await TableWriter.WriteCsvAsync(table, stream, Io.Ct);
        stream.Position = 0;
        var back = await TableReader.ReadCsvAsync(stream, new TableReadOptions { TableName = "sample" }, Io.Ct);

        Io.Equal(table, back);
    }

    [Fact]
    public async Task The_written_text_is_plain_invariant_csv()
    {
        var table = new Table(
        [
            new FloatColumn("x", [1.0, 0.1, double.NaN, -2e-7, 1e21]),
            new IntColumn("n", [1, 2, 3, 4, 5], [false, true, false, false, false]),
            new BoolColumn("b", [true, false, true, true, false], [false, false, true, false, false]),
            CategoryColumn.FromValues("name, full", ["a", "b,c", null, "say \"hi\"", "l1\nl2"]),
        ]);
        using var stream = new MemoryStream();

        await TableWriter.WriteCsvAsync(table, stream, Io.Ct);

        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.False(stream.ToArray().AsSpan().StartsWith(Encoding.UTF8.Preamble), "no BOM");
        Assert.Equal(
            "x,n,b,\"name, full\"\n"
            + "1.0,1,True,a\n"
            + "0.1,,False,\"b,c\"\n"
            + ",3,,\n"
            + "-2E-07,4,True,\"say \"\"hi\"\"\"\n"
            + "1E+21,5,False,\"l1\nl2\"\n",
            text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Numeric_looking_categories_need_the_type_override_to_come_back_as_category()
    {
        var table = new Table([CategoryColumn.FromValues("code", ["10", "1", "01", null])]);
        using var stream = new MemoryStream();
        await TableWriter.WriteCsvAsync(table, stream, Io.Ct);

        stream.Position = 0;
        var inferred = await TableReader.ReadCsvAsync(stream, null, Io.Ct);
        stream.Position = 0;
        var overridden = await TableReader.ReadCsvAsync(stream, Io.Types(("code", ColumnType.Category)), Io.Ct);

        Assert.Equal(ColumnType.Int, inferred["code"].Type);
        Io.Equal(table, overridden);
    }

    [Fact]
    public async Task A_single_column_table_with_missing_values_round_trips()
    {
        var table = new Table([new FloatColumn("x", [1.5, double.NaN, 2.5, double.NaN])]);
        using var stream = new MemoryStream();

        await TableWriter.WriteCsvAsync(table, stream, Io.Ct);

        Assert.Equal("x\n1.5\n\"\"\n2.5\n\"\"\n", System.Text.Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n"));
        stream.Position = 0;
        Io.Equal(table, await TableReader.ReadCsvAsync(stream, null, Io.Ct));
    }

    [Fact]
    public async Task A_zero_row_table_writes_its_header()
    {
        using var dir = new Io.TempDir();
        var path = dir.File("empty.csv");
        var table = new Table([new IntColumn("a", []), new FloatColumn("b", [])]);

        await TableWriter.WriteCsvAsync(table, path, Io.Ct);

        Assert.Equal("a,b", File.ReadAllText(path).TrimEnd());
        var back = TableReader.ReadCsv(path, Io.Types(("a", ColumnType.Int)));
        Assert.Equal(0, back.RowCount);
        Assert.Equal(["a", "b"], back.ColumnNames);
    }

    [Fact]
    public async Task Writing_replaces_an_existing_file_and_leaves_no_temporary_file()
    {
        using var dir = new Io.TempDir();
        var path = dir.Write("out.csv", "old content that is longer than the new one\n".PadRight(10_000, 'x'));

        await TableWriter.WriteCsvAsync(new Table([new IntColumn("a", [1])]), path, Io.Ct);

        Assert.Equal("a\n1\n", File.ReadAllText(path).ReplaceLineEndings("\n"));
        Assert.Equal([path], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public async Task A_cancelled_write_leaves_the_target_untouched()
    {
        using var dir = new Io.TempDir();
        var path = dir.Write("out.csv", "previous\n");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Io.Ct);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TableWriter.WriteCsvAsync(SampleTables.AllTypes(50_000), path, cancel.Token));

        Assert.Equal("previous\n", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public async Task Writing_into_a_missing_folder_names_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), "missing-" + Guid.NewGuid().ToString("N"));
        var error = await Assert.ThrowsAsync<DirectoryNotFoundException>(
            () => TableWriter.WriteCsvAsync(new Table([new IntColumn("a", [1])]), Path.Combine(folder, "x.csv"), Io.Ct));
        Assert.Contains(folder, error.Message);
    }

    [Fact]
    public async Task WriteAsync_and_ReadAsync_pick_the_format_from_the_extension()
    {
        using var dir = new Io.TempDir();
        var table = SampleTables.AllTypes(20, "t");
        foreach (var file in new[] { "t.csv", "t.parquet", "t.TSV" })
        {
            var path = dir.File(file);
            await TableWriter.WriteAsync(table, path, Io.Ct);
            Io.Equal(table, await TableReader.ReadAsync(path, null, Io.Ct));
        }

        await Assert.ThrowsAsync<ArgumentException>(() => TableWriter.WriteAsync(table, dir.File("t.json"), Io.Ct));
    }
}
