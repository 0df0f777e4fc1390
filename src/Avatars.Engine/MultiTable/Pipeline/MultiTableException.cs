namespace Avatars.Engine.MultiTable.Pipeline;

/// <summary>
/// A multi-table avatarization cannot run: the schema, a link, a key or a table's parameters is not usable. The
/// message names the table (and column) and says what to do.
/// </summary>
public sealed class MultiTableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="table">The table concerned, if any.</param>
    /// <param name="column">The column concerned, if any.</param>
    /// <param name="innerException">The cause, if any.</param>
    public MultiTableException(string message, string? table = null, string? column = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Table = table;
        Column = column;
    }

    /// <summary>The table concerned, when there is one.</summary>
    public string? Table { get; }

    /// <summary>The column concerned, when there is one.</summary>
    public string? Column { get; }
}
