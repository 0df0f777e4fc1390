using Avatars.Config;
using Avatars.Data;
using Avatars.Server.Storage;

namespace Avatars.Server.Jobs.Runners;

/// <summary>
/// Reads the tables of a job from storage: the owner's uploads (original data, explicit avatars) and the result files
/// of its parents. CSV is streamed; Parquet (which needs random access) is spooled to a temporary file deleted on close.
/// Every problem a user can fix is a <see cref="JobFailedException"/> naming the file and the table.
/// </summary>
internal static class InputTables
{
    /// <summary>The column types declared in the schema (<c>columns[].type</c>), by column name.</summary>
    public static Dictionary<string, ColumnType> DeclaredTypes(TableInfo table) =>
        (table.Columns ?? []).Where(c => c.Type is not null).ToDictionary(c => c.Field, c => c.Type!.Value, StringComparer.Ordinal);

    /// <summary>The identifier and primary-key columns of a table: left out of the maths and of the avatars.</summary>
    public static IReadOnlyList<string> IdentifierColumns(TableInfo table) =>
        [.. (table.Columns ?? []).Where(c => c.Identifier == true || c.PrimaryKey == true).Select(c => c.Field)];

    /// <summary>Reads the original data of a schema table (<c>data.file</c>), with the declared types, and checks the row limit.</summary>
    public static async Task<Table> ReadOriginalAsync(JobRunContext context, TableInfo table, CancellationToken cancellationToken)
    {
        var file = table.Data?.File;
        if (string.IsNullOrEmpty(file))
        {
            throw new JobFailedException($"table \"{table.Name}\" has no data.file: give the name of the uploaded file holding its data");
        }

        return await ReadUploadAsync(context, file, table.Name, DeclaredTypes(table), requireTypedColumns: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads an upload of the job's owner as table <paramref name="tableName"/>.</summary>
    /// <param name="context">The job.</param>
    /// <param name="fileName">The upload's file name.</param>
    /// <param name="tableName">The table it holds.</param>
    /// <param name="types">Column type overrides.</param>
    /// <param name="requireTypedColumns">True when every overridden column must exist (original data); false to apply the overrides to the columns present (avatars have no identifier columns).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static Task<Table> ReadUploadAsync(JobRunContext context, string fileName, string tableName, IReadOnlyDictionary<string, ColumnType> types, bool requireTypedColumns, CancellationToken cancellationToken)
    {
        string key;
        try
        {
            key = context.InputKey(fileName);
        }
        catch (StorageKeyException ex)
        {
            throw new JobFailedException($"file \"{fileName}\" of table \"{tableName}\": {ex.Message}", ex);
        }

        return ReadAsync(context, key, fileName, tableName, types, requireTypedColumns, cancellationToken);
    }

    /// <summary>Reads a stored table (an upload or a parent's result file) and checks the row limit.</summary>
    /// <param name="context">The job.</param>
    /// <param name="storageKey">The object's key.</param>
    /// <param name="fileName">Its file name (format by extension; named in messages).</param>
    /// <param name="tableName">The table it holds.</param>
    /// <param name="types">Column type overrides.</param>
    /// <param name="requireTypedColumns">See <see cref="ReadUploadAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<Table> ReadAsync(JobRunContext context, string storageKey, string fileName, string tableName, IReadOnlyDictionary<string, ColumnType> types, bool requireTypedColumns, CancellationToken cancellationToken)
    {
        var info = await context.Storage.GetInfoAsync(storageKey, cancellationToken).ConfigureAwait(false)
            ?? throw NotFound(fileName, tableName);
        if (info.Size == 0)
        {
            throw new JobFailedException($"file \"{fileName}\" of table \"{tableName}\" is empty: upload a CSV file with a header row and data rows");
        }

        var options = new TableReadOptions { Types = types, TableName = tableName, MaxRows = TableLimits.ReadCap(context.Limits) };
        Table table;
        try
        {
            if (!requireTypedColumns && types.Count > 0)
            {
                options = new TableReadOptions { Types = await PresentTypesAsync(context, storageKey, fileName, options, cancellationToken).ConfigureAwait(false), TableName = tableName, MaxRows = options.MaxRows };
            }

            table = await ReadStreamAsync(context, storageKey, fileName, options, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageObjectNotFoundException)
        {
            throw NotFound(fileName, tableName);
        }
        catch (TableFormatException ex)
        {
            throw new JobFailedException($"cannot read file \"{fileName}\" of table \"{tableName}\": {ex.Message}", ex);
        }

        if (table.ColumnCount == 0 || table.RowCount == 0)
        {
            throw new JobFailedException($"file \"{fileName}\" of table \"{tableName}\" has no data rows: upload a CSV file with a header row and data rows");
        }

        TableLimits.CheckRows(table, context.Limits);
        return table;
    }

    private static async Task<Table> ReadStreamAsync(JobRunContext context, string storageKey, string fileName, TableReadOptions options, CancellationToken cancellationToken)
    {
        if (!IsParquet(fileName))
        {
            return await ReadCsvAsync(context, storageKey, options, cancellationToken).ConfigureAwait(false);
        }

        // Parquet needs random access: spool to a private temporary file removed when closed.
        var path = Path.Combine(Path.GetTempPath(), $"avatars-input-{Guid.NewGuid():N}.parquet");
        var spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        await using (spool.ConfigureAwait(false))
        {
            var source = await context.Storage.OpenReadAsync(storageKey, cancellationToken).ConfigureAwait(false);
            await using (source.ConfigureAwait(false))
            {
                await source.CopyToAsync(spool, cancellationToken).ConfigureAwait(false);
            }

            spool.Position = 0;
            return await TableReader.ReadParquetAsync(spool, options, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The overrides restricted to the columns the file has (read from its header).</summary>
    private static async Task<Dictionary<string, ColumnType>> PresentTypesAsync(JobRunContext context, string storageKey, string fileName, TableReadOptions options, CancellationToken cancellationToken)
    {
        var header = await ReadStreamAsync(context, storageKey, fileName, new TableReadOptions { TableName = options.TableName, MaxRows = 0 }, cancellationToken).ConfigureAwait(false);
        return options.Types.Where(t => header.Contains(t.Key)).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
    }

    private static bool IsParquet(string fileName) => TableReader.ParquetExtensions.Any(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static async Task<Table> ReadCsvAsync(JobRunContext context, string storageKey, TableReadOptions options, CancellationToken cancellationToken)
    {
        var stream = await context.Storage.OpenReadAsync(storageKey, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await TableReader.ReadCsvAsync(stream, options, cancellationToken).ConfigureAwait(false);
        }
    }

    private static JobFailedException NotFound(string fileName, string tableName) =>
        new($"file \"{fileName}\" of table \"{tableName}\" was not found in your upload area (uploads expire after some days): upload it again");
}
