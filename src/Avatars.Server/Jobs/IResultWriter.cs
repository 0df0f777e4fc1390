namespace Avatars.Server.Jobs;

/// <summary>Writes a job's result files (api.md §19.1) to storage and records them in the result index.</summary>
public interface IResultWriter
{
    /// <summary>
    /// Streams one result file to <c>&lt;user_id&gt;/results/&lt;job_name&gt;/&lt;fileName&gt;</c> and indexes it.
    /// </summary>
    /// <param name="resultKey">E.g. <c>shuffled</c>, <c>privacy_metrics</c>, <c>figures</c>, <c>report</c>.</param>
    /// <param name="tableName">The (unescaped) table the file belongs to; null for set-wide files.</param>
    /// <param name="tableOrder">Position of the table in the schema (0 for set-wide files).</param>
    /// <param name="fileName">The file name, table names escaped per api.md §19.2.</param>
    /// <param name="write">Writes the content.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task WriteAsync(string resultKey, string? tableName, int tableOrder, string fileName, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken);
}
