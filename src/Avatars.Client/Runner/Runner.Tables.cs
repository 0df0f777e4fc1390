using Avatars.Client.Http;
using Avatars.Data;

namespace Avatars.Client;

/// <summary>Adding and uploading tables (sdk.md §4.3).</summary>
public sealed partial class Runner
{
    /// <summary>
    /// <c>add_table</c> (sdk.md §4.3): validates the keys, uploads the data (and the user's avatars, if any), then records
    /// the table. For a <see cref="Table"/> source every column's type is declared in the schema (the options' types
    /// win); for a file the options' types are passed through. Re-adding a table name replaces its entry.
    /// </summary>
    /// <param name="tableName">The table name (any characters the server accepts in a file name).</param>
    /// <param name="data">The original data.</param>
    /// <param name="options">Keys, types, individual level, user-supplied avatars.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    /// <exception cref="ArgumentException">The keys overlap (avatar_yaml messages), checked before any upload.</exception>
    /// <exception cref="FileNotFoundException">A source file does not exist.</exception>
    /// <exception cref="AvatarsApiException">The upload failed (e.g. 422 for a name the server rejects).</exception>
    public async Task AddTableAsync(string tableName, TableSource data, AddTableOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        ArgumentNullException.ThrowIfNull(data);
        options ??= new AddTableOptions();
        RunnerConfiguration.ValidateTableKeys(tableName, options.PrimaryKey, options.ForeignKeys, options.TimeSeriesTime);
        data.EnsureExists();
        options.AvatarData?.EnsureExists();

        var types = TypesOf(data, options.Types);
        var files = await UploadFileAsync(tableName, data, options.AvatarData, cancellationToken).ConfigureAwait(false);
        Configuration.AddTable(
            tableName, files.File, files.AvatarFile, options.PrimaryKey, options.ForeignKeys, options.TimeSeriesTime, types, options.IndividualLevel);
    }

    /// <summary>
    /// <c>upload_file</c>: uploads the data as <c>&lt;t&gt;&lt;ext&gt;</c> and the avatars as <c>&lt;t&gt;_avatars&lt;ext&gt;</c>
    /// (the avatars' extension is their own, fix of sdk.md §17 #12). Used alone after <see cref="FromYamlAsync"/>.
    /// </summary>
    /// <param name="tableName">The table name.</param>
    /// <param name="data">The original data.</param>
    /// <param name="avatarData">User-supplied avatars, or null.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The uploaded file names.</returns>
    /// <exception cref="FileNotFoundException">A source file does not exist.</exception>
    /// <exception cref="AvatarsApiException">The upload failed.</exception>
    public async Task<UploadedFiles> UploadFileAsync(string tableName, TableSource data, TableSource? avatarData = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        ArgumentNullException.ThrowIfNull(data);
        var file = tableName + data.Extension;
        await UploadAsync(file, data, cancellationToken).ConfigureAwait(false);
        string? avatarFile = null;
        if (avatarData is not null)
        {
            avatarFile = tableName + "_avatars" + avatarData.Extension;
            await UploadAsync(avatarFile, avatarData, cancellationToken).ConfigureAwait(false);
        }

        return new UploadedFiles(file, avatarFile);
    }

    /// <summary>Schema types: every column of a table (user entries win, entries for absent columns dropped), or the user's types for a file.</summary>
    private static IReadOnlyDictionary<string, ColumnType>? TypesOf(TableSource data, IReadOnlyDictionary<string, ColumnType>? userTypes)
    {
        if (data.Table is not { } table)
        {
            return userTypes;
        }

        var types = new OrderedDictionary<string, ColumnType>(StringComparer.Ordinal);
        foreach (var column in table.Columns)
        {
            types[column.Name] = userTypes is not null && userTypes.TryGetValue(column.Name, out var type) ? type : column.Type;
        }

        return types;
    }

    private async Task UploadAsync(string fileName, TableSource source, CancellationToken cancellationToken)
    {
        var (stream, owned) = await source.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _client.UploadFileAsync(fileName, stream, null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (owned)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
