using Avatars.Data.IO.Parquet;
using Parquet;
using Parquet.Schema;

namespace Avatars.Data.Tests.IO;

public class ParquetTests
{
    private static async Task<MemoryStream> WriteAsync(Table table, int rowGroupSize = ParquetTableWriter.DefaultRowGroupSize)
    {
        var stream = new MemoryStream();
        await ParquetTableWriter.WriteAsync(table, stream, rowGroupSize, Io.Ct);
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public async Task Every_type_with_missing_values_survives_a_round_trip_in_several_row_groups()
    {
        var table = SampleTables.AllTypes(100);
        using var stream = await WriteAsync(table, rowGroupSize: 7);

        await using (var reader = await ParquetReader.CreateAsync(stream, null, leaveStreamOpen: true, Io.Ct))
        {
            Assert.Equal(15, reader.RowGroupCount);
        }

        stream.Position = 0;
        var back = await TableReader.ReadParquetAsync(stream, new TableReadOptions { TableName = "sample" }, Io.Ct);
        Io.Equal(table, back);
    }

    [Fact]
    public async Task A_file_round_trip_keeps_the_name_and_leaves_no_temporary_file()
    {
        using var dir = new Io.TempDir();
        var path = dir.File("sample.parquet");
        var table = SampleTables.AllTypes(30);

        await TableWriter.WriteParquetAsync(table, path, Io.Ct);
        var back = await TableReader.ReadAsync(path, null, Io.Ct);

        Io.Equal(table, back);
        Assert.Equal("sample", back.Name);
        Assert.Equal([path], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public async Task Parquet_types_map_to_column_types()
    {
        using var stream = await WriteAsync(SampleTables.AllTypes(5));
        await using var reader = await ParquetReader.CreateAsync(stream, null, leaveStreamOpen: true, Io.Ct);
        var fields = reader.Schema.DataFields;

        Assert.Equal([typeof(double), typeof(long), typeof(bool)], fields.Take(3).Select(f => f.ClrType));
        Assert.All(fields, f => Assert.True(f.IsNullable));
        var naive = Assert.IsType<DateTimeDataField>(fields[4]);
        var zoned = Assert.IsType<DateTimeDataField>(fields[6]);
        Assert.False(naive.IsAdjustedToUTC);
        Assert.True(zoned.IsAdjustedToUTC);
        Assert.Equal(DateTimeTimeUnit.Nanos, naive.Unit);
        Assert.Equal("+02:00", reader.CustomMetadata[ParquetTableReader.OffsetKeyPrefix + "datetime_tz"]);
    }

    [Fact]
    public async Task Timestamps_outside_the_nanosecond_range_are_written_in_microseconds()
    {
        var ticks = new[] { new DateTime(1500, 1, 1).Ticks, new DateTime(3000, 6, 1, 12, 0, 0).Ticks };
        var table = new Table([new DateTimeColumn("t", ticks)]);
        using var stream = await WriteAsync(table);

        Io.Equal(table, await TableReader.ReadParquetAsync(stream, null, Io.Ct));
    }

    [Fact]
    public async Task A_zero_row_table_keeps_its_types()
    {
        var table = new Table(
        [
            new IntColumn("i", []), new BoolColumn("b", []), new CategoryColumn("c", [], []),
            new DateTimeColumn("t", [], null, TimeSpan.FromHours(-3)),
        ]);
        using var stream = await WriteAsync(table);

        var back = await TableReader.ReadParquetAsync(stream, null, Io.Ct);

        Io.Equal(table, back);
    }

    [Fact]
    public async Task Files_from_other_writers_are_mapped_by_type()
    {
        var fields = new DataField[]
        {
            new DataField<int>("int32"), new DataField<short?>("int16"), new DataField<float>("float32"),
            new DataField<decimal?>("decimal"), new DataField<string>("text"), new DataField<bool>("flag"),
            new DateTimeDataField("impala", DateTimeFormat.Impala, isNullable: true),
            new DateTimeDataField("utc", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: false),
            new DateTimeDataField("day", DateTimeFormat.Date, isNullable: true),
        };
        using var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, null, append: false, Io.Ct))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<int>(fields[0], new[] { 1, -2 }, null, null, Io.Ct);
            await group.WriteAsync<short>(fields[1], new short?[] { 3, null }, null, null, Io.Ct);
            await group.WriteAsync<float>(fields[2], new[] { 1.5f, -0.25f }, null, null, Io.Ct);
            await group.WriteAsync<decimal>(fields[3], new decimal?[] { 1.25m, null }, null, null, Io.Ct);
            await group.WriteAsync(fields[4], new[] { "x", null! }, null);
            await group.WriteAsync<bool>(fields[5], new[] { true, false }, null, null, Io.Ct);
            await group.WriteAsync<DateTime>(fields[6], new DateTime?[] { new DateTime(2020, 1, 2, 3, 4, 5), null }, null, null, Io.Ct);
            await group.WriteAsync<DateTime>(fields[7], new[] { new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc), DateTime.UnixEpoch }, null, null, Io.Ct);
            await group.WriteAsync<DateTime>(fields[8], new DateTime?[] { new DateTime(2020, 1, 2), null }, null, null, Io.Ct);
        }

        stream.Position = 0;
        var table = await TableReader.ReadParquetAsync(stream, null, Io.Ct);

        Assert.Equal(
            [ColumnType.Int, ColumnType.Int, ColumnType.Float, ColumnType.Float, ColumnType.Category, ColumnType.Bool, ColumnType.DateTime, ColumnType.DateTimeTz, ColumnType.DateTime],
            table.Columns.Select(c => c.Type));
        Assert.Equal([1L, -2L], ((IntColumn)table["int32"]).Values.ToArray());
        Assert.True(table["int16"].IsMissing(1));
        Assert.Equal(-0.25, ((FloatColumn)table["float32"])[1]);
        Assert.True(table["decimal"].IsMissing(1));
        Assert.True(table["text"].IsMissing(1));
        Assert.Equal(new DateTime(2020, 1, 2, 3, 4, 5), Assert.IsType<DateTime>(table["impala"].GetValue(0)));
        Assert.Equal(new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero), Assert.IsType<DateTimeOffset>(table["utc"].GetValue(0)));
        Assert.Equal(new DateTime(2020, 1, 2), Assert.IsType<DateTime>(table["day"].GetValue(0)));
    }

    [Fact]
    public async Task Type_overrides_convert_columns_and_report_bad_values()
    {
        var table = new Table(
        [
            new IntColumn("code", [10, 1, 2], [false, false, true]),
            CategoryColumn.FromValues("n", ["1", "2", null]),
            new FloatColumn("x", [1.0, 2.5, 3.0]),
        ]);
        using var stream = await WriteAsync(table);

        var back = await TableReader.ReadParquetAsync(stream, Io.Types(("code", ColumnType.Category), ("n", ColumnType.Int)), Io.Ct);

        Assert.Equal(["1", "10"], ((CategoryColumn)back["code"]).Levels);
        Assert.True(back["code"].IsMissing(2));
        Assert.Equal([1L, 2L], ((IntColumn)back["n"]).Values[..2].ToArray());
        Assert.True(back["n"].IsMissing(2));

        stream.Position = 0;
        var error = await Assert.ThrowsAsync<TableFormatException>(() => TableReader.ReadParquetAsync(stream, Io.Types(("x", ColumnType.Int)), Io.Ct));
        Assert.Contains("Table 'table' (the stream), column 'x', row 2: cannot read '2.5' as int", error.Message);
        Assert.Equal(2, error.Row);

        stream.Position = 0;
        error = await Assert.ThrowsAsync<TableFormatException>(() => TableReader.ReadParquetAsync(stream, Io.Types(("X", ColumnType.Int)), Io.Ct));
        Assert.Contains("a type is given for the column 'X', which is not in the file. Its columns are: code, n, x.", error.Message);
    }

    [Fact]
    public async Task Max_rows_stops_early_across_row_groups()
    {
        using var stream = await WriteAsync(SampleTables.AllTypes(50), rowGroupSize: 8);
        var back = await TableReader.ReadParquetAsync(stream, new TableReadOptions { MaxRows = 20 }, Io.Ct);
        Io.Equal(SampleTables.AllTypes(50).TakeRows(Enumerable.Range(0, 20).ToArray()), back.WithName("sample"));
    }

    [Fact]
    public async Task A_non_seekable_stream_is_read()
    {
        using var stream = await WriteAsync(SampleTables.AllTypes(10));
        using var forwardOnly = new ForwardOnlyStream(stream);
        Io.Equal(SampleTables.AllTypes(10), (await TableReader.ReadParquetAsync(forwardOnly, null, Io.Ct)).WithName("sample"));
    }

    [Fact]
    public async Task A_csv_file_read_as_parquet_says_so()
    {
        using var dir = new Io.TempDir();
        var path = dir.Write("data.parquet", "a,b\n1,2\n");

        var error = await Assert.ThrowsAsync<TableFormatException>(() => TableReader.ReadAsync(path, null, Io.Ct));

        Assert.Contains("not a Parquet file", error.Message);
        Assert.Contains("looks like text", error.Message);
        Assert.Contains(".csv", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public async Task A_damaged_parquet_file_is_reported()
    {
        using var stream = await WriteAsync(SampleTables.AllTypes(10));
        var bytes = stream.ToArray()[..20];
        var error = await Assert.ThrowsAsync<TableFormatException>(() => TableReader.ReadParquetAsync(new MemoryStream(bytes), null, Io.Ct));
        Assert.Contains("damaged or not supported", error.Message);
    }

    [Fact]
    public async Task A_missing_parquet_file_names_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".parquet");
        var error = await Assert.ThrowsAsync<TableFormatException>(() => TableReader.ReadAsync(path, null, Io.Ct));
        Assert.Contains(path, error.Message);
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public async Task Unsupported_parquet_types_name_the_column()
    {
        var field = new DataField<byte[]>("blob");
        using var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(field), stream, null, append: false, Io.Ct))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(field, new[] { new byte[] { 1, 2 } }, null);
        }

        stream.Position = 0;
        var error = await Assert.ThrowsAsync<TableFormatException>(() => TableReader.ReadParquetAsync(stream, null, Io.Ct));
        Assert.Contains("the column 'blob' has the Parquet type ", error.Message);
        Assert.Contains("which cannot be read", error.Message);
        Assert.Equal("blob", error.ColumnName);
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
