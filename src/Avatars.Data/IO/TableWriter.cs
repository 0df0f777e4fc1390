using Avatars.Data.IO;
using Avatars.Data.IO.Csv;
using Avatars.Data.IO.Parquet;

namespace Avatars.Data;

/// <summary>
/// Writes tables as CSV or Parquet. Writing to a path goes through a temporary file in the same folder
/// that replaces the target only when complete: a failure or cancellation leaves no partial file.
/// </summary>
public static class TableWriter
{
    /// <summary>Writes a table to a file, choosing the format from the extension (.csv, .tsv, .txt → CSV with commas; .parquet, .pq → Parquet).</summary>
    /// <param name="table">The table.</param>
    /// <param name="path">The file; replaced if it exists.</param>
    /// <param name="cancellationToken">Cancels the write; the target is then left untouched.</param>
    /// <exception cref="ArgumentException">The extension is not a supported format.</exception>
    public static async Task WriteAsync(Table table, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var extension = Path.GetExtension(path);
        if (TableReader.CsvExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            await WriteCsvAsync(table, path, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (TableReader.ParquetExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            await WriteParquetAsync(table, path, cancellationToken).ConfigureAwait(false);
            return;
        }

        throw new ArgumentException(
            $"Cannot write table '{table.Name}' to '{path}': the extension '{extension}' is not a supported format. Use .csv or .parquet.",
            nameof(path));
    }

    /// <summary>
    /// Writes a table as CSV: comma delimiter, a header, culture-invariant values, floats in shortest
    /// round-trip form, missing values as empty fields, double quotes where needed, UTF-8 without BOM.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="path">The file; replaced if it exists.</param>
    /// <param name="cancellationToken">Cancels the write; the target is then left untouched.</param>
    public static Task WriteCsvAsync(Table table, string path, CancellationToken cancellationToken = default)
    {
        CheckTable(table);
        return AtomicFile.WriteAsync(path, (stream, ct) => CsvTableWriter.WriteAsync(table, stream, ct), cancellationToken);
    }

    /// <summary>Writes a table as CSV to a stream (left open). See <see cref="WriteCsvAsync(Table, string, CancellationToken)"/>.</summary>
    /// <param name="table">The table.</param>
    /// <param name="stream">The destination; not disposed.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public static Task WriteCsvAsync(Table table, Stream stream, CancellationToken cancellationToken = default)
    {
        CheckTable(table);
        ArgumentNullException.ThrowIfNull(stream);
        return CsvTableWriter.WriteAsync(table, stream, cancellationToken);
    }

    /// <summary>Writes a table as Parquet, in row groups of 100,000 rows, every column nullable.</summary>
    /// <param name="table">The table.</param>
    /// <param name="path">The file; replaced if it exists.</param>
    /// <param name="cancellationToken">Cancels the write; the target is then left untouched.</param>
    public static Task WriteParquetAsync(Table table, string path, CancellationToken cancellationToken = default)
    {
        CheckTable(table);
        return AtomicFile.WriteAsync(
            path,
            (stream, ct) => ParquetTableWriter.WriteAsync(table, stream, ParquetTableWriter.DefaultRowGroupSize, ct),
            cancellationToken);
    }

    /// <summary>Writes a table as Parquet to a stream (left open). See <see cref="WriteParquetAsync(Table, string, CancellationToken)"/>.</summary>
    /// <param name="table">The table.</param>
    /// <param name="stream">The destination; not disposed.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public static Task WriteParquetAsync(Table table, Stream stream, CancellationToken cancellationToken = default)
    {
        CheckTable(table);
        ArgumentNullException.ThrowIfNull(stream);
        return ParquetTableWriter.WriteAsync(table, stream, ParquetTableWriter.DefaultRowGroupSize, cancellationToken);
    }

    private static void CheckTable(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.ColumnCount == 0)
        {
            throw new ArgumentException($"Table '{table.Name}' has no columns; there is nothing to write.", nameof(table));
        }
    }
}
