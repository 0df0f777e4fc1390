namespace Avatars.Data;

/// <summary>
/// A table file could not be read: it is missing, unreadable, not a table of the expected format, or a
/// value does not fit its column. The message names the file, the table, the column, the row or line
/// when they are known, and says what to do.
/// </summary>
public sealed class TableFormatException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public TableFormatException()
        : this("The table could not be read.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public TableFormatException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public TableFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
        TableName = "table";
    }

    /// <summary>Creates an exception that locates the problem.</summary>
    /// <param name="message">The full message (it should already name the table, column and row).</param>
    /// <param name="tableName">The table being read.</param>
    /// <param name="columnName">The column, when the problem is in one column.</param>
    /// <param name="row">The 1-based data row (the first row after the header is 1), when known.</param>
    /// <param name="line">The 1-based line number in a text file, when known.</param>
    /// <param name="path">The file, when reading from a path.</param>
    /// <param name="innerException">The cause, if any.</param>
    public TableFormatException(
        string message,
        string tableName,
        string? columnName = null,
        long? row = null,
        long? line = null,
        string? path = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        TableName = tableName;
        ColumnName = columnName;
        Row = row;
        Line = line;
        Path = path;
    }

    /// <summary>The table being read (the file name without extension unless another name was given).</summary>
    public string TableName { get; }

    /// <summary>The column with the problem, when the problem is in one column.</summary>
    public string? ColumnName { get; }

    /// <summary>The 1-based data row with the problem (the first row after the header is row 1), when known.</summary>
    public long? Row { get; }

    /// <summary>The 1-based line of a text file with the problem, when known.</summary>
    public long? Line { get; }

    /// <summary>The file being read, when reading from a path.</summary>
    public string? Path { get; }
}
