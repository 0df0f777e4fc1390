using System.Globalization;
using System.Text;
using Avatars.Data.Inference;
using nietras.SeparatedValues;

namespace Avatars.Data.IO.Csv;

/// <summary>
/// Reads a CSV file into a <see cref="Table"/>. One streaming pass with Sep copies each column's cells
/// into a per-column text buffer (no string per cell); then each column's type is inferred and its values
/// parsed from spans, columns in parallel.
/// </summary>
internal static class CsvTableReader
{
    private const int PrefixBytes = 64 * 1024;
    private const int MaxPrefixBytes = 4 * 1024 * 1024;
    private const int SampleLines = 2;
    private const int SizingRows = 1000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a table from a CSV stream.</summary>
    /// <param name="stream">The stream, read from its current position; not disposed.</param>
    /// <param name="tableName">The table name for the result and messages.</param>
    /// <param name="path">The file path for messages, or null for a stream.</param>
    /// <param name="options">The options.</param>
    /// <param name="useAsync">False to do all I/O synchronously (the returned task is then complete).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<Table> ReadAsync(
        Stream stream, string tableName, string? path, TableReadOptions options, bool useAsync, CancellationToken cancellationToken)
    {
        var locator = new CellLocator(tableName, path);
        var expectedBytes = RemainingBytes(stream);
        var (prefix, filled, complete) = await ReadPrefixAsync(stream, useAsync, cancellationToken).ConfigureAwait(false);
        var (encoding, bomLength) = DetectEncoding(prefix, filled);
        CheckText(prefix, filled, bomLength, encoding, locator);

        var sample = Encoding.GetEncoding(encoding.CodePage).GetString(prefix, bomLength, filled - bomLength);
        if (complete && string.IsNullOrWhiteSpace(sample))
        {
            throw locator.TableError("the file is empty. A CSV file needs a header line with the column names, then one line per row.");
        }

        var detected = DelimiterDetector.Detect(sample, complete);
        var delimiter = options.Delimiter ?? detected.Delimiter;
        Sep sep;
        try
        {
            sep = Sep.New(delimiter);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"'{delimiter}' cannot be used as a CSV delimiter: {e.Message}", nameof(options), e);
        }

        var source = new PrefixStream(prefix, bomLength, filled, stream);
        using var text = new StreamReader(source, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        var sepOptions = sep.Reader(o => o with
        {
            HasHeader = false,
            Unescape = true,
            DisableColCountCheck = true,
            CultureInfo = CultureInfo.InvariantCulture,
        });

        var builder = new Builder(locator, options, delimiter, detected, expectedBytes);
        try
        {
            using var reader = useAsync
                ? await sepOptions.FromAsync(text, cancellationToken).ConfigureAwait(false)
                : sepOptions.From(text);
            while (useAsync ? await reader.MoveNextAsync(cancellationToken).ConfigureAwait(false) : reader.MoveNext())
            {
                if (!builder.Add(reader.Current))
                {
                    break;
                }

                if ((builder.RowCount & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }
        catch (DecoderFallbackException e)
        {
            throw locator.TableError(
                $"the file is not valid {encoding.WebName.ToUpperInvariant()} text (the problem is on or after line {builder.LastLine + 1}). Save it as UTF-8 (e.g. Excel's 'CSV UTF-8') and read it again.",
                line: builder.LastLine + 1,
                inner: e);
        }
        catch (IOException e)
        {
            throw locator.TableError($"the file could not be read ({e.Message}).", inner: e);
        }
        catch (NotSupportedException e)
        {
            // Sep's limit on the length of one row: in practice a double quote that is never closed.
            throw locator.TableError(
                $"a row starting on or after line {builder.LastLine + 1} is too long to read ({e.Message}). This usually means a double quote is never closed; check the quoting.",
                line: builder.LastLine + 1,
                inner: e);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return builder.Build(cancellationToken);
    }

    /// <summary>The bytes left in a seekable stream (used to size the column buffers once), else null.</summary>
    private static long? RemainingBytes(Stream stream)
    {
        try
        {
            return stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) : null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Reads up to 64 KiB (more, up to 4 MiB, until two line breaks are seen) from the start of the stream.</summary>
    private static async ValueTask<(byte[] Prefix, int Filled, bool Complete)> ReadPrefixAsync(Stream stream, bool useAsync, CancellationToken cancellationToken)
    {
        var buffer = new byte[PrefixBytes];
        var filled = 0;
        while (true)
        {
            var read = useAsync
                ? await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)
                : stream.Read(buffer.AsSpan(filled));
            if (read == 0)
            {
                return (buffer, filled, true);
            }

            filled += read;
            if (filled < buffer.Length)
            {
                continue;
            }

            if (buffer.Length >= MaxPrefixBytes || buffer.AsSpan(0, filled).Count((byte)'\n') >= SampleLines)
            {
                return (buffer, filled, false);
            }

            Array.Resize(ref buffer, buffer.Length * 2);
        }
    }

    /// <summary>The encoding from the byte-order mark (UTF-8 without one), and the BOM length.</summary>
    private static (Encoding Encoding, int BomLength) DetectEncoding(byte[] prefix, int filled)
    {
        var bytes = prefix.AsSpan(0, filled);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (StrictUtf8, 3);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }

        return (StrictUtf8, 0);
    }

    /// <summary>Rejects binary input (Parquet, compressed, Excel, anything with NUL bytes) with a message that says what it is.</summary>
    private static void CheckText(byte[] prefix, int filled, int bomLength, Encoding encoding, CellLocator locator)
    {
        var bytes = prefix.AsSpan(0, filled);
        string? what = null;
        if (bytes.StartsWith("PAR1"u8))
        {
            what = "a Parquet file, not CSV text. Give it the .parquet extension (TableReader.ReadAsync picks the format from the extension) or call TableReader.ReadParquetAsync";
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            what = "gzip-compressed, not CSV text. Decompress it first (e.g. gunzip)";
        }
        else if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            what = "a ZIP archive (an Excel .xlsx workbook or a .zip), not CSV text. Export the sheet as 'CSV UTF-8' or extract the archive";
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            what = "an old Excel (.xls) or other Office file, not CSV text. Export the sheet as 'CSV UTF-8'";
        }
        else if (encoding is UTF8Encoding && bytes[bomLength..].Contains((byte)0))
        {
            what = "binary, not CSV text (it contains NUL bytes). Export the data as CSV (UTF-8) or Parquet";
        }

        if (what is not null)
        {
            throw locator.TableError($"the file is {what}.");
        }
    }

    /// <summary>Collects the header and the cells of each column, row by row.</summary>
    private sealed class Builder
    {
        private readonly CellLocator locator;
        private readonly TableReadOptions options;
        private readonly char delimiter;
        private readonly (char Delimiter, int HeaderFields) detected;
        private readonly int maxRows;
        private readonly long? expectedBytes;
        private string[]? names;
        private TextColumn[]? columns;
        private int[] lines = new int[1024];

        public Builder(CellLocator locator, TableReadOptions options, char delimiter, (char Delimiter, int HeaderFields) detected, long? expectedBytes)
        {
            this.expectedBytes = expectedBytes;
            this.locator = locator;
            this.options = options;
            this.delimiter = delimiter;
            this.detected = detected;
            maxRows = options.MaxRows ?? int.MaxValue;
        }

        /// <summary>The number of data rows read.</summary>
        public int RowCount { get; private set; }

        /// <summary>The last line read (0 before any).</summary>
        public int LastLine { get; private set; }

        /// <summary>Adds the header or a data row; false when no more rows are wanted.</summary>
        public bool Add(SepReader.Row row)
        {
            LastLine = row.LineNumberToExcl - 1;
            var line = FirstLine(row);
            if (row.Span.IsEmpty)
            {
                return true; // blank line, skipped like pandas does
            }

            // Quotes pair up, so an odd count means the last one opened is never closed: the row ran to the
            // end of the file and swallowed every line after it into one value.
            if (row.LineNumberToExcl - line > 1 && row.Span.Count('"') % 2 == 1)
            {
                throw locator.TableError(
                    $"a double quote opened on line {line} is never closed, so the rest of the file would be read as one value. Close the quote, and write a double quote inside a quoted value as two (\"\").",
                    rowIndex: names is null ? null : RowCount,
                    line: line);
            }

            if (names is null)
            {
                ReadHeader(row, line);
                return maxRows > 0;
            }

            if (row.ColCount != names.Length)
            {
                throw FieldCountError(row, line);
            }

            var columnsNow = columns!;
            for (var c = 0; c < columnsNow.Length; c++)
            {
                columnsNow[c].Add(row[c].Span);
            }

            if (RowCount == lines.Length)
            {
                Array.Resize(ref lines, (int)Math.Min(Array.MaxLength, (long)lines.Length * 2));
            }

            lines[RowCount++] = line;
            if (RowCount == SizingRows)
            {
                Presize();
            }

            return RowCount < maxRows;
        }

        /// <summary>
        /// Once the first rows are in, sizes every column buffer for the whole file from the file length
        /// and the average text per row so far (total at most ~the file size), so the buffers are not
        /// grown and copied again and again. Doubling still takes over if the estimate is short.
        /// </summary>
        private void Presize()
        {
            if (expectedBytes is not { } bytes || columns is null)
            {
                return;
            }

            var sampleChars = 0L;
            foreach (var column in columns)
            {
                sampleChars += column.CharCount;
            }

            var charsPerRow = Math.Max(1.0, (sampleChars + columns.Length) / (double)RowCount); // + delimiters and line break
            var rows = (long)Math.Min(maxRows, (bytes / charsPerRow * 1.05) + 64);
            if (rows <= RowCount * 2L)
            {
                return;
            }

            foreach (var column in columns)
            {
                column.EnsureCapacity(rows, (long)(column.CharCount / (double)RowCount * rows) + 64);
            }

            if (rows > lines.Length)
            {
                Array.Resize(ref lines, (int)Math.Min(rows, Array.MaxLength));
            }
        }

        /// <summary>Infers or parses every column and builds the table.</summary>
        public Table Build(CancellationToken cancellationToken)
        {
            if (names is null)
            {
                throw locator.TableError("the file is empty. A CSV file needs a header line with the column names, then one line per row.");
            }

            var texts = columns!;
            var missing = ReferenceEquals(options.MissingValues, TableReadOptions.DefaultMissingValues)
                ? MissingValueSet.Default
                : new MissingValueSet(options.MissingValues);
            var rowLocator = new CellLocator(locator.TableName, locator.Path, lines);
            var result = new Column[texts.Length];
            var errors = new TableFormatException?[texts.Length];
            var parallel = new ParallelOptions
            {
                CancellationToken = cancellationToken,
                MaxDegreeOfParallelism = (long)RowCount * texts.Length < 50_000 ? 1 : Environment.ProcessorCount,
            };
            Parallel.For(0, texts.Length, parallel, c =>
            {
                try
                {
                    ColumnType? forced = options.Types.TryGetValue(names[c], out var type) ? type : null;
                    result[c] = ColumnInference.Build(names[c], texts[c], forced, missing, rowLocator);
                }
                catch (TableFormatException e)
                {
                    errors[c] = e;
                }

                texts[c] = null!; // free the text as soon as the column is typed
            });

            // Report the error of the leftmost column, whatever the order the columns were parsed in.
            foreach (var error in errors)
            {
                if (error is not null)
                {
                    throw error;
                }
            }

            return new Table(result, locator.TableName);
        }

        /// <summary>The line a row starts on (Sep 0.17 reports line 2 for the very first row when there is no header row).</summary>
        private static int FirstLine(SepReader.Row row) => row.RowIndex == 0 ? 1 : row.LineNumberFrom;

        private void ReadHeader(SepReader.Row row, int line)
        {
            var header = new string[row.ColCount];
            for (var c = 0; c < header.Length; c++)
            {
                header[c] = row[c].ToString();
            }

            if (options.Delimiter is { } forced && header.Length == 1 && detected.Delimiter != forced && detected.HeaderFields > 1)
            {
                throw locator.TableError(
                    $"with the delimiter {Show(forced)} the header is a single column ('{ColumnInference.Excerpt(header[0])}'), but the file seems to use {Show(detected.Delimiter)} ({detected.HeaderFields} columns). Set Delimiter to {Show(detected.Delimiter)}, or leave it unset to detect it.",
                    line: line);
            }

            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var c = 0; c < header.Length; c++)
            {
                if (string.IsNullOrWhiteSpace(header[c]))
                {
                    throw locator.TableError(
                        $"column {c + 1} of {header.Length} in the header (line {line}) has no name. Every column needs a unique name: add it to the header"
                        + (c == header.Length - 1 ? " (or remove the delimiter at the end of the header line)." : "."),
                        line: line);
                }

                if (!seen.TryAdd(header[c], c))
                {
                    throw locator.TableError(
                        $"the column name '{header[c]}' appears more than once in the header (columns {seen[header[c]] + 1} and {c + 1}). Rename one of them.",
                        column: header[c],
                        line: line);
                }
            }

            foreach (var name in options.Types.Keys)
            {
                if (!seen.ContainsKey(name))
                {
                    throw locator.TableError(
                        $"a type is given for the column '{name}', which is not in the file. Its columns are: {string.Join(", ", header)}.",
                        column: name);
                }
            }

            names = header;
            columns = new TextColumn[header.Length];
            for (var c = 0; c < columns.Length; c++)
            {
                columns[c] = new TextColumn();
            }
        }

        private TableFormatException FieldCountError(SepReader.Row row, int line)
        {
            var fields = row.ColCount == 1 ? "1 field" : $"{row.ColCount} fields";
            var spans = row.LineNumberToExcl - line > 1
                ? $" (this row spans lines {line}–{row.LineNumberToExcl - 1}: a quote may be left open)"
                : string.Empty;
            return locator.TableError(
                $"line {line} has {fields} but the header has {names!.Length}{spans} — check the delimiter ({Show(delimiter)}) or quoting: a value that contains the delimiter must be enclosed in double quotes.",
                rowIndex: RowCount,
                line: line);
        }

        private static string Show(char delimiter) => delimiter switch
        {
            '\t' => "tab ('\\t')",
            _ => $"'{delimiter}'",
        };
    }
}
