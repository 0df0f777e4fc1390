using System.Globalization;
using System.Text;
using Avatars.Data.Inference;
using nietras.SeparatedValues;

namespace Avatars.Data.IO.Csv;

/// <summary>
/// Writes a <see cref="Table"/> as CSV with Sep: comma delimiter, a header, culture-invariant values,
/// floats in shortest round-trip form (with ".0" on whole numbers so they read back as float), missing
/// values as empty fields (<c>""</c> in a one-column table, where an empty line would be skipped when
/// read back), and double quotes around texts that hold a comma, a quote or a line break.
/// </summary>
/// <remarks>
/// Rows are written in chunks: the cells of the next chunk are formatted (columns in parallel) while
/// Sep writes the current one into memory, which is then encoded and written to the stream
/// asynchronously. Formatting numbers is the expensive part, so this keeps both cores busy. Quoting is
/// done here once per category level (numbers and timestamps never need it), so Sep's per-cell escape
/// scan is off.
/// </remarks>
internal static class CsvTableWriter
{
    internal const int ChunkRows = 1 << 14;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteAsync(Table table, Stream stream, CancellationToken cancellationToken)
    {
        var missing = table.ColumnCount == 1 ? "\"\"" : string.Empty;
        var formatters = table.Columns.Select(c => CellFormatter.For(c, missing)).ToArray();
        var builder = new StringBuilder(1 << 20);
        var encoder = Utf8.GetEncoder();
        var bytes = Array.Empty<byte>();
        using var text = new StringWriter(builder, CultureInfo.InvariantCulture);
        using (var writer = Sep.New(',')
            .Writer(o => o with { Escape = false, CultureInfo = CultureInfo.InvariantCulture })
            .To(text, leaveOpen: true))
        {
            foreach (var column in table.Columns)
            {
                writer.Header.Add(Quote(column.Name));
            }

            if (table.RowCount == 0)
            {
                writer.Header.Write();
            }

            var current = NewBuffers(formatters.Length);
            var next = NewBuffers(formatters.Length);
            Format(formatters, current, 0, Math.Min(ChunkRows, table.RowCount), cancellationToken);
            for (var start = 0; start < table.RowCount; start += ChunkRows)
            {
                var end = Math.Min(start + ChunkRows, table.RowCount);
                var nextEnd = Math.Min(end + ChunkRows, table.RowCount);
                var formatting = end < nextEnd
                    ? Task.Run(() => Format(formatters, next, end, nextEnd, cancellationToken), cancellationToken)
                    : Task.CompletedTask;
                for (var r = 0; r < end - start; r++)
                {
                    using var row = writer.NewRow();
                    for (var c = 0; c < current.Length; c++)
                    {
                        row[c].Set(current[c][r]);
                    }
                }

                writer.Flush();
                bytes = await DrainAsync(builder, encoder, bytes, stream, cancellationToken).ConfigureAwait(false);
                await formatting.ConfigureAwait(false);
                (current, next) = (next, current);
            }
        }

        await DrainAsync(builder, encoder, bytes, stream, cancellationToken, flush: true).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static TextColumn[] NewBuffers(int count)
    {
        var buffers = new TextColumn[count];
        for (var c = 0; c < count; c++)
        {
            buffers[c] = new TextColumn(ChunkRows, ChunkRows * 8);
        }

        return buffers;
    }

    private static void Format(CellFormatter[] formatters, TextColumn[] buffers, int start, int end, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = end - start < 1024 ? 1 : Environment.ProcessorCount,
        };
        Parallel.For(0, formatters.Length, options, c =>
        {
            var buffer = buffers[c];
            buffer.Clear();
            for (var r = start; r < end; r++)
            {
                formatters[c].Format(buffer, r);
            }
        });
    }

    /// <summary>Encodes what Sep wrote so far and writes it to the stream; returns the (possibly grown) byte buffer.</summary>
    private static async Task<byte[]> DrainAsync(
        StringBuilder builder, Encoder encoder, byte[] bytes, Stream stream, CancellationToken cancellationToken, bool flush = false)
    {
        var needed = Utf8.GetMaxByteCount(builder.Length);
        if (bytes.Length < needed)
        {
            bytes = new byte[needed];
        }

        var length = 0;
        foreach (var chunk in builder.GetChunks())
        {
            length += encoder.GetBytes(chunk.Span, bytes.AsSpan(length), flush: false);
        }

        if (flush)
        {
            length += encoder.GetBytes(ReadOnlySpan<char>.Empty, bytes.AsSpan(length), flush: true);
        }

        builder.Clear();
        await stream.WriteAsync(bytes.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        return bytes;
    }

    /// <summary>A text in double quotes (inner quotes doubled) when it holds a comma, a quote or a line break.</summary>
    internal static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : string.Concat("\"", text.Replace("\"", "\"\"", StringComparison.Ordinal), "\"");

    /// <summary>Formats the cells of one column, culture-invariant, into a text buffer.</summary>
    private abstract class CellFormatter
    {
        /// <summary>The text of a missing value.</summary>
        protected string Missing { get; private init; } = string.Empty;

        public static CellFormatter For(Column column, string missing) => column switch
        {
            FloatColumn f => new FloatFormatter(f) { Missing = missing },
            IntColumn i => new IntFormatter(i) { Missing = missing },
            BoolColumn b => new BoolFormatter(b) { Missing = missing },
            CategoryColumn c => new CategoryFormatter(c) { Missing = missing },
            DateTimeColumn d => new DateTimeFormatter(d) { Missing = missing },
            _ => new TextFormatter(column) { Missing = missing },
        };

        public abstract void Format(TextColumn output, int row);
    }

    private sealed class FloatFormatter(FloatColumn column) : CellFormatter
    {
        public override void Format(TextColumn output, int row)
        {
            var value = column[row];
            if (double.IsNaN(value))
            {
                output.Add(Missing);
                return;
            }

            var buffer = output.Reserve(InvariantFormat.MaxLength);
            var length = InvariantFormat.Float(value, buffer);
            output.Commit(length);
        }
    }

    private sealed class IntFormatter(IntColumn column) : CellFormatter
    {
        public override void Format(TextColumn output, int row)
        {
            if (column.IsMissing(row))
            {
                output.Add(Missing);
                return;
            }

            var buffer = output.Reserve(24);
            column[row].TryFormat(buffer, out var length, default, CultureInfo.InvariantCulture);
            output.Commit(length);
        }
    }

    private sealed class BoolFormatter(BoolColumn column) : CellFormatter
    {
        public override void Format(TextColumn output, int row) =>
            output.Add(column.IsMissing(row) ? Missing : column[row] ? "True" : "False");
    }

    private sealed class CategoryFormatter(CategoryColumn column) : CellFormatter
    {
        private readonly string[] quoted = column.Levels.Select(Quote).ToArray();

        public override void Format(TextColumn output, int row)
        {
            var code = column[row];
            output.Add(code < 0 ? Missing : quoted[code]);
        }
    }

    private sealed class DateTimeFormatter : CellFormatter
    {
        private readonly DateTimeColumn column;
        private readonly bool zoned;
        private readonly bool dateOnly;

        public DateTimeFormatter(DateTimeColumn column)
        {
            this.column = column;
            zoned = column.Type == ColumnType.DateTimeTz;

            // Like pandas (and DateTimeColumn.FormatValue): a naive column all at midnight is written as dates.
            dateOnly = !zoned;
            var ticks = column.Ticks;
            for (var i = 0; i < ticks.Length && dateOnly; i++)
            {
                dateOnly = column.IsMissing(i) || ticks[i] % TimeSpan.TicksPerDay == 0;
            }
        }

        public override void Format(TextColumn output, int row)
        {
            if (column.IsMissing(row))
            {
                output.Add(Missing);
                return;
            }

            var buffer = output.Reserve(InvariantFormat.MaxLength);
            output.Commit(zoned
                ? InvariantFormat.Timestamp(column.Ticks[row], column.Offset, buffer)
                : InvariantFormat.Timestamp(column.Ticks[row], dateOnly, buffer));
        }
    }

    private sealed class TextFormatter(Column column) : CellFormatter
    {
        public override void Format(TextColumn output, int row) =>
            output.Add(column.FormatValue(row) is { } text ? Quote(text) : Missing);
    }
}
