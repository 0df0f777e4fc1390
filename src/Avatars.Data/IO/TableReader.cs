using Avatars.Data.IO.Csv;
using Avatars.Data.IO.Parquet;

namespace Avatars.Data;

/// <summary>
/// Reads tables from CSV and Parquet files. Column types are inferred like the vendor client does with
/// pandas unless <see cref="TableReadOptions.Types"/> says otherwise; see docs/data-io.md.
/// </summary>
public static class TableReader
{
    /// <summary>The file extensions read as CSV (delimiter detected unless given).</summary>
    public static IReadOnlyList<string> CsvExtensions { get; } = Array.AsReadOnly(new[] { ".csv", ".tsv", ".txt" });

    /// <summary>The file extensions read as Parquet.</summary>
    public static IReadOnlyList<string> ParquetExtensions { get; } = Array.AsReadOnly(new[] { ".parquet", ".pq" });

    /// <summary>Reads a table from a file, choosing the format from the extension (.csv, .tsv, .txt, .parquet, .pq).</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Read options; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="TableFormatException">The file is missing, unreadable, of another format or holds invalid values.</exception>
    public static async Task<Table> ReadAsync(string path, TableReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var extension = Path.GetExtension(path);
        if (Contains(CsvExtensions, extension))
        {
            return await ReadCsvAsync(path, options, cancellationToken).ConfigureAwait(false);
        }

        if (Contains(ParquetExtensions, extension))
        {
            return await ReadParquetAsync(path, options, cancellationToken).ConfigureAwait(false);
        }

        var name = TableName(options, path);
        throw new TableFormatException(
            $"Cannot read table '{name}' from '{path}': the extension '{extension}' is not a supported table format. "
            + $"Use a CSV file ({string.Join(", ", CsvExtensions)}) or a Parquet file ({string.Join(", ", ParquetExtensions)}); "
            + "export spreadsheets as 'CSV UTF-8'.",
            name,
            path: path);
    }

    /// <summary>Reads a CSV file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Read options; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="TableFormatException">The file is missing, unreadable, not CSV text or holds invalid values.</exception>
    public static async Task<Table> ReadCsvAsync(string path, TableReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= TableReadOptions.Default;
        Validate(options);
        var name = TableName(options, path);
        var stream = Open(path, name, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            return await CsvTableReader.ReadAsync(stream, name, path, options, useAsync: true, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads CSV text from a stream (from its current position; the stream is not disposed).</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="options">Read options; null for the defaults (the table is then named <c>table</c>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="TableFormatException">The stream is not CSV text or holds invalid values.</exception>
    public static Task<Table> ReadCsvAsync(Stream stream, TableReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= TableReadOptions.Default;
        Validate(options);
        return CsvTableReader.ReadAsync(stream, TableName(options, null), null, options, useAsync: true, cancellationToken);
    }

    /// <summary>Reads a CSV file synchronously.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Read options; null for the defaults.</param>
    /// <exception cref="TableFormatException">The file is missing, unreadable, not CSV text or holds invalid values.</exception>
    public static Table ReadCsv(string path, TableReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= TableReadOptions.Default;
        Validate(options);
        var name = TableName(options, path);
        using var stream = Open(path, name, useAsync: false);
        return CsvTableReader.ReadAsync(stream, name, path, options, useAsync: false, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>Reads CSV text from a stream synchronously (from its current position; the stream is not disposed).</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="options">Read options; null for the defaults (the table is then named <c>table</c>).</param>
    /// <exception cref="TableFormatException">The stream is not CSV text or holds invalid values.</exception>
    public static Table ReadCsv(Stream stream, TableReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= TableReadOptions.Default;
        Validate(options);
        return CsvTableReader.ReadAsync(stream, TableName(options, null), null, options, useAsync: false, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>Reads a Parquet file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Read options (<see cref="TableReadOptions.Types"/>, <see cref="TableReadOptions.TableName"/> and <see cref="TableReadOptions.MaxRows"/> apply); null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="TableFormatException">The file is missing, unreadable, not Parquet or has columns that cannot be read.</exception>
    public static async Task<Table> ReadParquetAsync(string path, TableReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= TableReadOptions.Default;
        Validate(options);
        var name = TableName(options, path);
        var stream = Open(path, name, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            return await ParquetTableReader.ReadAsync(stream, name, path, options, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a Parquet stream (a non-seekable stream is buffered in memory first; the stream is not disposed).</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="options">Read options; null for the defaults (the table is then named <c>table</c>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="TableFormatException">The stream is not Parquet or has columns that cannot be read.</exception>
    public static Task<Table> ReadParquetAsync(Stream stream, TableReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= TableReadOptions.Default;
        Validate(options);
        return ParquetTableReader.ReadAsync(stream, TableName(options, null), null, options, cancellationToken);
    }

    private static bool Contains(IReadOnlyList<string> extensions, string extension)
    {
        foreach (var candidate in extensions)
        {
            if (string.Equals(candidate, extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string TableName(TableReadOptions? options, string? path)
    {
        if (!string.IsNullOrWhiteSpace(options?.TableName))
        {
            return options.TableName;
        }

        var fromPath = path is null ? null : Path.GetFileNameWithoutExtension(path);
        return string.IsNullOrWhiteSpace(fromPath) ? "table" : fromPath;
    }

    private static void Validate(TableReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options.Types, nameof(options));
        ArgumentNullException.ThrowIfNull(options.MissingValues, nameof(options));
        if (options.MaxRows is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxRows, "MaxRows must be zero or more.");
        }

        if (options.Delimiter is '"' or '\r' or '\n')
        {
            throw new ArgumentException($"{(options.Delimiter == '"' ? "A double quote" : "A line break")} cannot be used as a CSV delimiter.", nameof(options));
        }
    }

    /// <summary>Opens a file for reading, turning the usual failures into messages that name the path.</summary>
    private static FileStream Open(string path, string tableName, bool useAsync)
    {
        string? problem;
        Exception? inner = null;
        if (Directory.Exists(path))
        {
            problem = "it is a folder, not a file. Give the path of the table file itself.";
        }
        else
        {
            try
            {
                return new FileStream(
                    path,
                    FileMode.Open,
                    FileAccess.Read,
                    FileShare.Read,
                    bufferSize: 1 << 16,
                    (useAsync ? FileOptions.Asynchronous : FileOptions.None) | FileOptions.SequentialScan);
            }
            catch (FileNotFoundException e)
            {
                (problem, inner) = ($"the file does not exist. Check the path (relative paths start from '{Environment.CurrentDirectory}').", e);
            }
            catch (DirectoryNotFoundException e)
            {
                (problem, inner) = ($"its folder does not exist. Check the path (relative paths start from '{Environment.CurrentDirectory}').", e);
            }
            catch (UnauthorizedAccessException e)
            {
                (problem, inner) = ("access is denied. Check the file's permissions.", e);
            }
            catch (IOException e)
            {
                (problem, inner) = ($"the file could not be opened ({e.Message}).", e);
            }
        }

        throw new TableFormatException($"Cannot read table '{tableName}' from '{path}': {problem}", tableName, path: path, innerException: inner);
    }
}
