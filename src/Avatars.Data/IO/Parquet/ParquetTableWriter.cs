using Parquet;
using Parquet.Schema;

namespace Avatars.Data.IO.Parquet;

/// <summary>
/// Writes a <see cref="Table"/> as Parquet in row groups (so memory stays bounded): float → DOUBLE,
/// int → INT64, bool → BOOLEAN, category → UTF-8 string, datetime → TIMESTAMP (not adjusted to UTC),
/// datetime_tz → TIMESTAMP adjusted to UTC (the display offset is kept in the file metadata). Every
/// column is nullable; missing values are written as nulls.
/// </summary>
internal static class ParquetTableWriter
{
    /// <summary>The default number of rows per row group.</summary>
    public const int DefaultRowGroupSize = 100_000;

    private static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;

    public static async Task WriteAsync(Table table, Stream stream, int rowGroupSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupSize, 1);
        var writers = table.Columns.Select(ColumnWriter.For).ToArray();
        var schema = new ParquetSchema(writers.Select(w => (Field)w.Field));
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in table.Columns)
        {
            if (column is DateTimeColumn { Type: ColumnType.DateTimeTz } zoned)
            {
                metadata[ParquetTableReader.OffsetKeyPrefix + column.Name] = FormatOffset(zoned.Offset);
            }
        }

        var writer = await ParquetWriter.CreateAsync(schema, stream, new ParquetOptions(), append: false, cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            writer.CustomMetadata = metadata;
            for (var start = 0; start < table.RowCount; start += rowGroupSize)
            {
                var count = Math.Min(rowGroupSize, table.RowCount - start);
                using var group = writer.CreateRowGroup();
                foreach (var column in writers)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await column.WriteAsync(group, start, count, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Writes one column, a row group at a time, through a reused buffer.</summary>
    private abstract class ColumnWriter
    {
        public abstract DataField Field { get; }

        public static ColumnWriter For(Column column) => column switch
        {
            FloatColumn f => new FloatWriter(f),
            IntColumn i => new IntWriter(i),
            BoolColumn b => new BoolWriter(b),
            CategoryColumn c => new CategoryWriter(c),
            DateTimeColumn d => new DateTimeWriter(d),
            _ => throw new NotSupportedException($"Column '{column.Name}' of type {column.Type.ToYamlName()} cannot be written to Parquet."),
        };

        public abstract Task WriteAsync(ParquetRowGroupWriter group, int start, int count, CancellationToken cancellationToken);
    }

    private abstract class NullableWriter<T>(Column column, DataField field) : ColumnWriter
        where T : struct
    {
        private T?[] buffer = [];

        public override DataField Field { get; } = field;

        protected Column Column { get; } = column;

        public override Task WriteAsync(ParquetRowGroupWriter group, int start, int count, CancellationToken cancellationToken)
        {
            if (buffer.Length < count)
            {
                buffer = new T?[count];
            }

            for (var i = 0; i < count; i++)
            {
                buffer[i] = Column.IsMissing(start + i) ? null : Value(start + i);
            }

            return group.WriteAsync<T>(Field, buffer.AsMemory(0, count), null, null, cancellationToken);
        }

        protected abstract T Value(int row);
    }

    private sealed class FloatWriter(FloatColumn column) : NullableWriter<double>(column, new DataField<double?>(column.Name))
    {
        protected override double Value(int row) => column[row];
    }

    private sealed class IntWriter(IntColumn column) : NullableWriter<long>(column, new DataField<long?>(column.Name))
    {
        protected override long Value(int row) => column[row];
    }

    private sealed class BoolWriter(BoolColumn column) : NullableWriter<bool>(column, new DataField<bool?>(column.Name))
    {
        protected override bool Value(int row) => column[row];
    }

    private sealed class DateTimeWriter(DateTimeColumn column) : NullableWriter<DateTime>(column, FieldFor(column))
    {
        private readonly DateTimeKind kind = column.Type == ColumnType.DateTimeTz ? DateTimeKind.Utc : DateTimeKind.Unspecified;

        protected override DateTime Value(int row) => new(column.Ticks[row], kind);

        /// <summary>Nanoseconds (lossless for ticks, pandas' own unit) when every value fits 1677–2262, else microseconds.</summary>
        private static DateTimeDataField FieldFor(DateTimeColumn column)
        {
            var limit = long.MaxValue / 100;
            var nanos = true;
            var ticks = column.Ticks;
            for (var i = 0; i < ticks.Length && nanos; i++)
            {
                nanos = column.IsMissing(i) || Math.Abs(ticks[i] - EpochTicks) <= limit;
            }

            return new DateTimeDataField(
                column.Name,
                DateTimeFormat.Timestamp,
                isAdjustedToUTC: column.Type == ColumnType.DateTimeTz,
                unit: nanos ? DateTimeTimeUnit.Nanos : DateTimeTimeUnit.Micros,
                isNullable: true);
        }
    }

    private sealed class CategoryWriter(CategoryColumn column) : ColumnWriter
    {
        private string?[] buffer = [];

        public override DataField Field { get; } = new DataField<string>(column.Name, nullable: true);

        public override Task WriteAsync(ParquetRowGroupWriter group, int start, int count, CancellationToken cancellationToken)
        {
            if (buffer.Length != count)
            {
                buffer = new string?[count];
            }

            for (var i = 0; i < count; i++)
            {
                var code = column[start + i];
                buffer[i] = code < 0 ? null : column.Levels[code];
            }

            return group.WriteAsync(Field, buffer!, null);
        }
    }
}
