namespace Avatars.Data.Inference;

/// <summary>
/// Says where a cell comes from (table, file, data row and line) so that errors can point at it.
/// </summary>
internal sealed class CellLocator
{
    private readonly int[]? lines;

    /// <summary>Creates a locator.</summary>
    /// <param name="tableName">The table name.</param>
    /// <param name="path">The file path, or null for a stream.</param>
    /// <param name="lines">For text files, the 1-based line on which each data row starts; null otherwise.</param>
    public CellLocator(string tableName, string? path, int[]? lines = null)
    {
        TableName = tableName;
        Path = path;
        this.lines = lines;
    }

    /// <summary>The table name.</summary>
    public string TableName { get; }

    /// <summary>The file path, or null for a stream.</summary>
    public string? Path { get; }

    /// <summary>"'path'" or "the stream", for messages.</summary>
    public string Source => Path is null ? "the stream" : $"'{Path}'";

    /// <summary>The 1-based line of a data row (0-based index), when known.</summary>
    public int? LineOf(int rowIndex) => lines is not null && rowIndex < lines.Length ? lines[rowIndex] : null;

    /// <summary>"row 3 (line 4)" for the data row with 0-based index <paramref name="rowIndex"/>.</summary>
    public string Describe(int rowIndex) =>
        LineOf(rowIndex) is { } line ? $"row {rowIndex + 1} (line {line})" : $"row {rowIndex + 1}";

    /// <summary>An error about one cell.</summary>
    public TableFormatException CellError(string column, int rowIndex, string problem, string advice) =>
        new(
            $"Table '{TableName}' ({Source}), column '{column}', {Describe(rowIndex)}: {problem} {advice}",
            TableName,
            column,
            rowIndex + 1,
            LineOf(rowIndex),
            Path);

    /// <summary>An error about the whole file or table.</summary>
    public TableFormatException TableError(string problem, string? column = null, int? rowIndex = null, int? line = null, Exception? inner = null) =>
        new(
            $"Cannot read table '{TableName}' from {Source}: {problem}",
            TableName,
            column,
            rowIndex + 1,
            line ?? (rowIndex is { } r ? LineOf(r) : null),
            Path,
            inner);
}
