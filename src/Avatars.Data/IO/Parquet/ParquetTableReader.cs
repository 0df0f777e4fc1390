using System.Numerics;
using Avatars.Data.Inference;
using Parquet;
using Parquet.Schema;

namespace Avatars.Data.IO.Parquet;

/// <summary>
/// Reads a Parquet file into a <see cref="Table"/>, row group by row group: floating-point and decimal
/// columns become float, integer columns int, booleans bool, strings category, timestamps datetime
/// (datetime_tz when the timestamp is adjusted to UTC). Nulls become missing values.
/// </summary>
internal static class ParquetTableReader
{
    /// <summary>The file-level metadata key that keeps the display UTC offset of a datetime_tz column.</summary>
    public const string OffsetKeyPrefix = "avatars:utc_offset:";

    public static async Task<Table> ReadAsync(Stream stream, string tableName, string? path, TableReadOptions options, CancellationToken cancellationToken)
    {
        var locator = new CellLocator(tableName, path);
        var owned = default(MemoryStream);
        var input = stream;
        if (!stream.CanSeek)
        {
            owned = new MemoryStream();
            await stream.CopyToAsync(owned, cancellationToken).ConfigureAwait(false);
            owned.Position = 0;
            input = owned;
        }

        try
        {
            await CheckMagicAsync(input, locator, cancellationToken).ConfigureAwait(false);
            ParquetReader reader;
            try
            {
                reader = await ParquetReader.CreateAsync(input, null, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ParquetException or NotSupportedException or ArgumentException)
            {
                throw locator.TableError($"the Parquet file is damaged or not supported ({e.Message}).", inner: e);
            }

            await using (reader.ConfigureAwait(false))
            {
                return await ReadTableAsync(reader, locator, options, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            owned?.Dispose();
        }
    }

    private static async Task CheckMagicAsync(Stream input, CellLocator locator, CancellationToken cancellationToken)
    {
        var start = input.Position;
        var head = new byte[4];
        var read = await input.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        input.Position = start;
        if (read == 4 && head.AsSpan().SequenceEqual("PAR1"u8))
        {
            return;
        }

        var what = read == 0
            ? "the file is empty, not a Parquet file."
            : LooksLikeText(head.AsSpan(0, read))
                ? "the file is not a Parquet file (it does not start with 'PAR1'); it looks like text. If it is CSV, give it the .csv extension or call TableReader.ReadCsvAsync."
                : "the file is not a Parquet file (it does not start with 'PAR1').";
        throw locator.TableError(what);
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b < 0x09 || (b > 0x0D && b < 0x20))
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<Table> ReadTableAsync(ParquetReader reader, CellLocator locator, TableReadOptions options, CancellationToken cancellationToken)
    {
        var fields = new List<DataField>();
        foreach (var field in reader.Schema.Fields)
        {
            if (field is not DataField data || data.IsArray || data.MaxRepetitionLevel > 0)
            {
                throw locator.TableError(
                    $"the column '{field.Name}' is a nested Parquet column ({field.SchemaType}); only flat columns of numbers, booleans, strings and timestamps can be read. Flatten the data before exporting it.",
                    column: field.Name);
            }

            fields.Add(data);
        }

        var names = fields.Select(f => f.Name).ToArray();
        foreach (var name in options.Types.Keys)
        {
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                throw locator.TableError(
                    $"a type is given for the column '{name}', which is not in the file. Its columns are: {string.Join(", ", names)}.",
                    column: name);
            }
        }

        var total = 0L;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            total += reader.OpenRowGroupReader(g).RowCount;
        }

        total = Math.Min(total, options.MaxRows ?? int.MaxValue);
        if (total > Array.MaxLength)
        {
            throw locator.TableError($"the file has {total} rows, more than one table can hold ({Array.MaxLength}). Use MaxRows or split the file.");
        }

        var readers = new ColumnAccumulator[fields.Count];
        for (var c = 0; c < fields.Count; c++)
        {
            readers[c] = ColumnAccumulator.For(fields[c], (int)total, reader.CustomMetadata, locator);
        }

        var done = 0;
        for (var g = 0; g < reader.RowGroupCount && done < total; g++)
        {
            var group = reader.OpenRowGroupReader(g);
            var groupRows = checked((int)group.RowCount);
            var take = (int)Math.Min(groupRows, total - done);
            foreach (var column in readers)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await column.ReadAsync(group, groupRows, done, take, cancellationToken).ConfigureAwait(false);
            }

            done += take;
        }

        var columns = new Column[readers.Length];
        for (var c = 0; c < readers.Length; c++)
        {
            var column = readers[c].Build();
            columns[c] = options.Types.TryGetValue(column.Name, out var type) ? ColumnConverter.Convert(column, type, locator) : column;
        }

        try
        {
            return new Table(columns, locator.TableName);
        }
        catch (ArgumentException e)
        {
            throw locator.TableError(e.Message, inner: e);
        }
    }

    /// <summary>Reads one column, row group by row group, into typed arrays.</summary>
    private abstract class ColumnAccumulator
    {
        protected ColumnAccumulator(DataField field) => Field = field;

        protected DataField Field { get; }

        public static ColumnAccumulator For(DataField field, int rows, IReadOnlyDictionary<string, string> metadata, CellLocator locator)
        {
            var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
            return type switch
            {
                _ when type == typeof(double) => new FloatAccumulator<double>(field, rows),
                _ when type == typeof(float) => new FloatAccumulator<float>(field, rows),
                _ when type == typeof(decimal) => new FloatAccumulator<decimal>(field, rows),
                _ when type == typeof(Half) => new FloatAccumulator<Half>(field, rows),
                _ when type == typeof(long) => new IntAccumulator<long>(field, rows, locator),
                _ when type == typeof(int) => new IntAccumulator<int>(field, rows, locator),
                _ when type == typeof(short) => new IntAccumulator<short>(field, rows, locator),
                _ when type == typeof(sbyte) => new IntAccumulator<sbyte>(field, rows, locator),
                _ when type == typeof(byte) => new IntAccumulator<byte>(field, rows, locator),
                _ when type == typeof(ushort) => new IntAccumulator<ushort>(field, rows, locator),
                _ when type == typeof(uint) => new IntAccumulator<uint>(field, rows, locator),
                _ when type == typeof(ulong) => new IntAccumulator<ulong>(field, rows, locator),
                _ when type == typeof(bool) => new BoolAccumulator(field, rows),
                _ when type == typeof(string) || type == typeof(ReadOnlyMemory<char>) => new StringAccumulator(field, rows),
                _ when type == typeof(DateTime) => new DateTimeAccumulator(field, rows, ZoneOf(field, metadata, locator)),
                _ when type == typeof(DateOnly) => new DateOnlyAccumulator(field, rows),
                _ => throw locator.TableError(
                    $"the column '{field.Name}' has the Parquet type {type.Name}, which cannot be read: Avatars reads numbers, booleans, strings, dates and timestamps. Convert the column (e.g. to a string) before exporting.",
                    column: field.Name),
            };
        }

        /// <summary>Reads rows [0, take) of a row group of <paramref name="groupRows"/> rows into rows [at, at + take).</summary>
        public abstract ValueTask ReadAsync(ParquetRowGroupReader group, int groupRows, int at, int take, CancellationToken cancellationToken);

        public abstract Column Build();

        private static TimeSpan? ZoneOf(DataField field, IReadOnlyDictionary<string, string> metadata, CellLocator locator)
        {
            if (field is not DateTimeDataField { DateTimeFormat: DateTimeFormat.Timestamp, IsAdjustedToUTC: true })
            {
                return null;
            }

            if (metadata.TryGetValue(OffsetKeyPrefix + field.Name, out var text))
            {
                if (!TimeSpan.TryParse(text.TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture, out var offset))
                {
                    throw locator.TableError($"the UTC offset '{text}' stored for the column '{field.Name}' is invalid.", column: field.Name);
                }

                return offset;
            }

            return TimeSpan.Zero;
        }
    }

    private abstract class NullableAccumulator<T>(DataField field) : ColumnAccumulator(field)
        where T : struct
    {
        private T?[] buffer = [];

        public override async ValueTask ReadAsync(ParquetRowGroupReader group, int groupRows, int at, int take, CancellationToken cancellationToken)
        {
            if (buffer.Length < groupRows)
            {
                buffer = new T?[groupRows];
            }

            await group.ReadAsync<T>(Field, buffer.AsMemory(0, groupRows), null, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < take; i++)
            {
                Store(at + i, buffer[i]);
            }
        }

        protected abstract void Store(int row, T? value);
    }

    private sealed class FloatAccumulator<T>(DataField field, int rows) : NullableAccumulator<T>(field)
        where T : struct, INumberBase<T>
    {
        private readonly double[] values = new double[rows];

        public override Column Build() => new FloatColumn(Field.Name, values);

        protected override void Store(int row, T? value) => values[row] = value is { } v ? double.CreateTruncating(v) : double.NaN;
    }

    private sealed class IntAccumulator<T>(DataField field, int rows, CellLocator locator) : NullableAccumulator<T>(field)
        where T : struct, INumberBase<T>
    {
        private readonly long[] values = new long[rows];
        private readonly bool[] missing = new bool[rows];

        public override Column Build() => new IntColumn(Field.Name, values, missing);

        protected override void Store(int row, T? value)
        {
            if (value is not { } v)
            {
                missing[row] = true;
            }
            else
            {
                try
                {
                    values[row] = long.CreateChecked(v);
                }
                catch (OverflowException e)
                {
                    throw new TableFormatException(
                        $"Table '{locator.TableName}' ({locator.Source}), column '{Field.Name}', {locator.Describe(row)}: the value {v} does not fit a 64-bit integer. Store the column as double or string.",
                        locator.TableName,
                        Field.Name,
                        row + 1,
                        path: locator.Path,
                        innerException: e);
                }
            }
        }
    }

    private sealed class BoolAccumulator(DataField field, int rows) : NullableAccumulator<bool>(field)
    {
        private readonly bool[] values = new bool[rows];
        private readonly bool[] missing = new bool[rows];

        public override Column Build() => new BoolColumn(Field.Name, values, missing);

        protected override void Store(int row, bool? value)
        {
            values[row] = value ?? false;
            missing[row] = value is null;
        }
    }

    private sealed class DateTimeAccumulator(DataField field, int rows, TimeSpan? offset) : NullableAccumulator<DateTime>(field)
    {
        private readonly long[] ticks = new long[rows];
        private readonly bool[] missing = new bool[rows];

        public override Column Build() => new DateTimeColumn(Field.Name, ticks, missing, offset);

        protected override void Store(int row, DateTime? value)
        {
            ticks[row] = value?.Ticks ?? 0;
            missing[row] = value is null;
        }
    }

    private sealed class DateOnlyAccumulator(DataField field, int rows) : NullableAccumulator<DateOnly>(field)
    {
        private readonly long[] ticks = new long[rows];
        private readonly bool[] missing = new bool[rows];

        public override Column Build() => new DateTimeColumn(Field.Name, ticks, missing);

        protected override void Store(int row, DateOnly? value)
        {
            ticks[row] = value?.ToDateTime(TimeOnly.MinValue).Ticks ?? 0;
            missing[row] = value is null;
        }
    }

    private sealed class StringAccumulator(DataField field, int rows) : ColumnAccumulator(field)
    {
        private readonly int[] codes = new int[rows];
        private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
        private readonly List<string> levels = [];
        private string?[] buffer = [];

        public override async ValueTask ReadAsync(ParquetRowGroupReader group, int groupRows, int at, int take, CancellationToken cancellationToken)
        {
            if (buffer.Length < groupRows)
            {
                buffer = new string?[groupRows];
            }

            await group.ReadAsync(Field, buffer.AsMemory(0, groupRows)!, null, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < take; i++)
            {
                var value = buffer[i];
                if (value is null)
                {
                    codes[at + i] = CategoryColumn.MissingCode;
                    continue;
                }

                if (!index.TryGetValue(value, out var code))
                {
                    code = levels.Count;
                    index.Add(value, code);
                    levels.Add(value);
                }

                codes[at + i] = code;
            }

            Array.Clear(buffer);
        }

        public override Column Build() => new CategoryColumn(Field.Name, codes, levels.ToArray());
    }
}
