using Avatars.Data;

namespace Avatars.Client;

/// <summary>
/// What <see cref="Runner.AddTableAsync"/> uploads (Python: a path or a DataFrame): a file (raw bytes, any format),
/// a <see cref="Table"/> (written as CSV with <see cref="TableWriter"/>; its column types go into the schema) or a
/// stream with an explicit extension.
/// </summary>
public sealed class TableSource
{
    private readonly string? _path;
    private readonly Stream? _stream;

    private TableSource(string extension, string? path, Table? table, Stream? stream)
    {
        Extension = extension;
        _path = path;
        Table = table;
        _stream = stream;
    }

    /// <summary>The extension put in the uploaded file name (<c>.csv</c>, <c>.parquet</c>, or empty).</summary>
    public string Extension { get; }

    /// <summary>The table, when the source is one (its column types are declared in the schema).</summary>
    public Table? Table { get; }

    /// <summary>A file uploaded as is; the extension is the file's (<see cref="Path.GetExtension(string)"/>, may be empty).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The source.</returns>
    public static TableSource FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new TableSource(Path.GetExtension(path), path, null, null);
    }

    /// <summary>A table, uploaded as CSV (<c>.csv</c>).</summary>
    /// <param name="table">The table.</param>
    /// <returns>The source.</returns>
    public static TableSource FromTable(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new TableSource(".csv", null, table, null);
    }

    /// <summary>Bytes read from a stream (from its current position; not disposed), uploaded under the given extension.</summary>
    /// <param name="content">The stream.</param>
    /// <param name="extension">The extension with its dot (<c>.csv</c>), or empty.</param>
    /// <returns>The source.</returns>
    public static TableSource FromStream(Stream content, string extension)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(extension);
        if (extension.Length > 0 && !extension.StartsWith('.'))
        {
            extension = "." + extension;
        }

        return new TableSource(extension, null, null, content);
    }

    /// <summary>A table converts to its source.</summary>
    /// <param name="table">The table.</param>
    public static implicit operator TableSource(Table table) => FromTable(table);

    /// <summary>Checks that a file source exists (before anything is uploaded).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    internal void EnsureExists()
    {
        if (_path is not null && !File.Exists(_path))
        {
            throw new FileNotFoundException($"No such file: '{_path}'", _path);
        }
    }

    /// <summary>Opens the bytes to upload; the caller disposes the stream only when <c>Owned</c> is true.</summary>
    internal async Task<(Stream Stream, bool Owned)> OpenAsync(CancellationToken cancellationToken)
    {
        if (_stream is not null)
        {
            return (_stream, false);
        }

        if (Table is not null)
        {
            var buffer = new MemoryStream();
            await TableWriter.WriteCsvAsync(Table, buffer, cancellationToken).ConfigureAwait(false);
            buffer.Position = 0;
            return (buffer, true);
        }

        return (new FileStream(_path!, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true), true);
    }
}
