using System.Net;
using System.Text.Json.Nodes;
using Avatars.Client.Http;
using Avatars.Client.Models;
using Avatars.Data;

namespace Avatars.Client;

/// <summary>Result URLs, download, routing and caching (sdk.md §4.10, §8.2–§8.6).</summary>
public sealed partial class Runner
{
    /// <summary>Signed URLs are valid 1 h by default: re-list a job's results after this age.</summary>
    private static readonly TimeSpan UrlListingLifetime = TimeSpan.FromMinutes(45);

    private static readonly Dictionary<JobKind, ResultKind[]> ProducedResults = new()
    {
        [JobKind.Standard] = [ResultKind.Shuffled, ResultKind.Unshuffled, ResultKind.ProjectionsOriginal, ResultKind.ProjectionsAvatars, ResultKind.Figures],
        [JobKind.PrivacyMetrics] = [ResultKind.PrivacyMetrics],
        [JobKind.SignalMetrics] = [ResultKind.SignalMetrics],
        [JobKind.Report] = [],
        [JobKind.Advice] = [ResultKind.Advice],
    };

    private readonly Dictionary<string, ResultUrlListing> _urls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, JsonObject>> _figuresMetadata = new(StringComparer.Ordinal);
    private readonly HashSet<(JobKind Job, ResultKind Result)> _loaded = [];

    /// <summary>
    /// <c>get_specific_result_urls</c>: waits for the job if its URLs are not cached, then returns the signed URLs of
    /// one result key.
    /// </summary>
    /// <param name="jobKind">The job kind.</param>
    /// <param name="result">The result key.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The URLs.</returns>
    /// <exception cref="InvalidOperationException">The job was not launched.</exception>
    /// <exception cref="KeyNotFoundException">The job has no such result.</exception>
    /// <exception cref="AvatarsJobFailedException">The job failed.</exception>
    public async Task<IReadOnlyList<string>> GetSpecificResultUrlsAsync(JobKind jobKind, ResultKind result = ResultKind.Shuffled, CancellationToken cancellationToken = default)
    {
        var listing = await GetUrlListingAsync(jobKind, refresh: false, cancellationToken).ConfigureAwait(false);
        return listing.Urls.TryGetValue(result.ToWireValue(), out var urls)
            ? urls
            : throw new KeyNotFoundException($"Result '{result.ToWireValue()}' not found for job '{jobKind.ToWireValue()}'.");
    }

    /// <summary>
    /// <c>get_specific_result</c>: the cached value, downloading every file of that (job, result) and routing each to its
    /// table on a miss. Runtime type per <see cref="ResultsOrganizer.GetResults"/>; null when the server produced
    /// nothing for the table.
    /// </summary>
    /// <param name="tableName">The table.</param>
    /// <param name="jobKind">The job kind.</param>
    /// <param name="result">The result kind.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The value or null.</returns>
    /// <exception cref="ArgumentException">The table is unknown (<c>Expected table 't' to be created.</c>) or the kind is not stored.</exception>
    /// <exception cref="InvalidOperationException">The job was not launched.</exception>
    /// <exception cref="AvatarsJobFailedException">The job failed.</exception>
    public async Task<object?> GetSpecificResultAsync(string tableName, JobKind jobKind, ResultKind result = ResultKind.Shuffled, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        if (!Configuration.HasTable(tableName))
        {
            throw new ArgumentException($"Expected table '{tableName}' to be created.", nameof(tableName));
        }

        RequireJob(jobKind);
        var value = Results.GetResults(tableName, result, jobKind);
        if (value is null && !_loaded.Contains((jobKind, result)))
        {
            await DownloadResultAsync(jobKind, result, cancellationToken).ConfigureAwait(false);
            value = Results.GetResults(tableName, result, jobKind);
        }

        return value;
    }

    /// <summary>
    /// <c>get_all_results</c>: for every launched job, waits, then downloads every stored result kind for every table.
    /// </summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns><see cref="Results"/>.</returns>
    /// <exception cref="AvatarsJobFailedException">A job failed (<c>Job standard failed with exception: …</c>).</exception>
    public async Task<ResultsOrganizer> GetAllResultsAsync(CancellationToken cancellationToken = default)
    {
        foreach (var kind in _jobs.Keys.ToList())
        {
            var listing = await GetUrlListingAsync(kind, refresh: false, cancellationToken).ConfigureAwait(false);
            foreach (var key in listing.Urls.Keys)
            {
                if (!ResultKindWire.TryParse(key, out var result) || !result.IsStored())
                {
                    continue;
                }

                foreach (var table in Configuration.TableNames)
                {
                    await GetSpecificResultAsync(table, kind, result, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return Results;
    }

    /// <summary><c>shuffled</c>: the avatars of a table, rows shuffled (safe to share), with the original's column types when known.</summary>
    /// <param name="tableName">The table.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The avatar table.</returns>
    /// <exception cref="InvalidOperationException">No standard job, or no result for the table.</exception>
    public Task<Table> GetShuffledAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableAsync(tableName, ResultKind.Shuffled, cancellationToken);

    /// <summary><c>sensitive_unshuffled</c>: the avatars in the original row order (sensitive: row i is the avatar of original row i).</summary>
    /// <param name="tableName">The table.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The avatar table.</returns>
    /// <exception cref="InvalidOperationException">No standard job, or no result for the table.</exception>
    public Task<Table> GetSensitiveUnshuffledAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableAsync(tableName, ResultKind.Unshuffled, cancellationToken);

    /// <summary><c>privacy_metrics</c>: one object per computation (values, <c>targets</c>, <c>metadata</c>).</summary>
    /// <param name="tableName">The table.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The metrics.</returns>
    /// <exception cref="InvalidOperationException">No privacy job, or no result for the table.</exception>
    public Task<IReadOnlyList<JsonObject>> GetPrivacyMetricsAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetMetricsAsync(tableName, JobKind.PrivacyMetrics, ResultKind.PrivacyMetrics, cancellationToken);

    /// <summary><c>signal_metrics</c>: one object per computation.</summary>
    /// <param name="tableName">The table.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The metrics.</returns>
    /// <exception cref="InvalidOperationException">No signal job, or no result for the table.</exception>
    public Task<IReadOnlyList<JsonObject>> GetSignalMetricsAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetMetricsAsync(tableName, JobKind.SignalMetrics, ResultKind.SignalMetrics, cancellationToken);

    /// <summary><c>projections</c>: the coordinates of the originals and of the avatars in the latent space.</summary>
    /// <param name="tableName">The table.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>Both tables.</returns>
    /// <exception cref="InvalidOperationException">No standard job, or no result for the table.</exception>
    public async Task<(Table Original, Table Avatars)> GetProjectionsAsync(string tableName, CancellationToken cancellationToken = default) =>
        (await GetTableAsync(tableName, ResultKind.ProjectionsOriginal, cancellationToken).ConfigureAwait(false),
         await GetTableAsync(tableName, ResultKind.ProjectionsAvatars, cancellationToken).ConfigureAwait(false));

    /// <summary>The run metadata of a job (<c>created_at</c>, <c>finished_at</c>, <c>seed</c>, …), downloaded lazily (fix of sdk.md §17 #5).</summary>
    /// <param name="jobKind">The job kind.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The metadata.</returns>
    /// <exception cref="InvalidOperationException">The job was not launched or its metadata file was empty.</exception>
    /// <exception cref="KeyNotFoundException">The job lists no <c>run_metadata</c>.</exception>
    public async Task<JsonObject> GetRunMetadataAsync(JobKind jobKind, CancellationToken cancellationToken = default)
    {
        RequireJob(jobKind);
        if (!Results.RunMetadata.ContainsKey(jobKind) && !_loaded.Contains((jobKind, ResultKind.Metadata)))
        {
            await DownloadResultAsync(jobKind, ResultKind.Metadata, cancellationToken).ConfigureAwait(false);
        }

        return Results.RunMetadata.TryGetValue(jobKind, out var metadata)
            ? metadata
            : throw new InvalidOperationException($"No run_metadata result found for job '{jobKind.ToWireValue()}'.");
    }

    /// <summary>
    /// <c>render_plot</c>: the HTML figures of a kind for a table. With <paramref name="openInBrowser"/>, each is written
    /// to <c>{t}_{kind}_{i}.html</c> in <see cref="PlotDirectory"/> (default: current directory) and opened.
    /// </summary>
    /// <param name="tableName">The table.</param>
    /// <param name="plotKind">The plot kind.</param>
    /// <param name="openInBrowser">Write and open the figures.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The figures.</returns>
    /// <exception cref="InvalidOperationException">No such figure for the table (<c>No 2d_projection found for table 'iris'.</c>).</exception>
    public async Task<IReadOnlyList<HtmlFigure>> RenderPlotAsync(string tableName, PlotKind plotKind, bool openInBrowser = false, CancellationToken cancellationToken = default)
    {
        var figures = await GetSpecificResultAsync(tableName, JobKind.Standard, ResultKind.Figures, cancellationToken).ConfigureAwait(false)
            as IReadOnlyDictionary<PlotKind, IReadOnlyList<HtmlFigure>>;
        if (figures is null || !figures.TryGetValue(plotKind, out var list))
        {
            throw new InvalidOperationException($"No {plotKind.ToWireValue()} found for table '{tableName}'.");
        }

        if (openInBrowser)
        {
            var directory = PlotDirectory ?? Environment.CurrentDirectory;
            var safeTable = string.Concat(tableName.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
            for (var i = 0; i < list.Count; i++)
            {
                var path = Path.GetFullPath(Path.Combine(directory, $"{safeTable}_{plotKind.ToWireValue()}_{i}.html"));
                await File.WriteAllTextAsync(path, list[i].Html, cancellationToken).ConfigureAwait(false);
                BrowserLauncher(path);
            }
        }

        return list;
    }

    /// <summary>
    /// <c>download_report</c>: waits for the report job and writes the raw bytes of its first file (the PDF; HTML when
    /// the report format is html) to <paramref name="path"/>.
    /// </summary>
    /// <param name="path">The destination file (replaced).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    /// <exception cref="InvalidOperationException">No report job.</exception>
    /// <exception cref="AvatarsJobFailedException">The report (or a parent) failed.</exception>
    public async Task DownloadReportAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = await DownloadReportBytesAsync(cancellationToken).ConfigureAwait(false);
        await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><see cref="DownloadReportAsync(string, CancellationToken)"/> into a stream (left open).</summary>
    /// <param name="destination">The stream.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    /// <exception cref="InvalidOperationException">No report job.</exception>
    /// <exception cref="AvatarsJobFailedException">The report (or a parent) failed.</exception>
    public async Task DownloadReportAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var bytes = await DownloadReportBytesAsync(cancellationToken).ConfigureAwait(false);
        await destination.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forgets the URLs and parsed results of a relaunched kind (sdk.md §8.6).</summary>
    private void Evict(JobKind kind)
    {
        if (_jobs.TryGetValue(kind, out var previous))
        {
            _urls.Remove(previous.Name);
            _figuresMetadata.Remove(previous.Name);
        }

        foreach (var result in ProducedResults[kind])
        {
            Results.Clear(result);
            _loaded.Remove((kind, result));
        }

        Results.Clear(ResultKind.Metadata, kind);
        _loaded.Remove((kind, ResultKind.Metadata));
    }

    private async Task<byte[]> DownloadReportBytesAsync(CancellationToken cancellationToken)
    {
        var urls = await GetSpecificResultUrlsAsync(JobKind.Report, ResultKind.Report, cancellationToken).ConfigureAwait(false);
        if (urls.Count == 0)
        {
            throw new InvalidOperationException("The report job produced no file.");
        }

        return await DownloadAsync(JobKind.Report, ResultKind.Report.ToWireValue(), urls[0], cancellationToken).ConfigureAwait(false);
    }

    private async Task<Table> GetTableAsync(string tableName, ResultKind result, CancellationToken cancellationToken) =>
        await GetSpecificResultAsync(tableName, JobKind.Standard, result, cancellationToken).ConfigureAwait(false) as Table
        ?? throw new InvalidOperationException($"No {result.ToWireValue()} result found for table '{tableName}'.");

    private async Task<IReadOnlyList<JsonObject>> GetMetricsAsync(string tableName, JobKind job, ResultKind result, CancellationToken cancellationToken) =>
        await GetSpecificResultAsync(tableName, job, result, cancellationToken).ConfigureAwait(false) as IReadOnlyList<JsonObject>
        ?? throw new InvalidOperationException($"No {result.ToWireValue()} result found for table '{tableName}'.");

    /// <summary>The job's URL listing: cached, else (or when old, or on <paramref name="refresh"/>) waits for the job and lists.</summary>
    private async Task<ResultUrlListing> GetUrlListingAsync(JobKind jobKind, bool refresh, CancellationToken cancellationToken)
    {
        var name = RequireJob(jobKind).Name;
        if (!refresh && _urls.TryGetValue(name, out var cached) && DateTimeOffset.UtcNow - cached.ListedAt < UrlListingLifetime)
        {
            return cached;
        }

        await WaitForJobAsync(jobKind, null, cancellationToken).ConfigureAwait(false);
        var urls = await _client.GetResultsAsync(name, cancellationToken).ConfigureAwait(false);
        var listing = new ResultUrlListing(urls, DateTimeOffset.UtcNow);
        _urls[name] = listing;
        return listing;
    }

    /// <summary>Downloads one URL; on 403/404 (expired or replaced URL) re-lists the job once and retries that file (sdk.md §6.2).</summary>
    private async Task<byte[]> DownloadAsync(JobKind jobKind, string resultKey, string url, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.DownloadFileAsync(url, cancellationToken).ConfigureAwait(false);
        }
        catch (AvatarsApiException e) when (e.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            var fileName = AvatarsApiClient.FileNameOf(url);
            var listing = await GetUrlListingAsync(jobKind, refresh: true, cancellationToken).ConfigureAwait(false);
            var fresh = listing.Urls.GetValueOrDefault(resultKey)?.FirstOrDefault(u => AvatarsApiClient.FileNameOf(u) == fileName);
            if (fresh is null)
            {
                throw;
            }

            return await _client.DownloadFileAsync(fresh, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Downloads every file of a (job, result) and routes each to its table (sdk.md §8.3); replaces what was stored.</summary>
    private async Task DownloadResultAsync(JobKind jobKind, ResultKind result, CancellationToken cancellationToken)
    {
        var key = result.ToWireValue();
        var urls = await GetSpecificResultUrlsAsync(jobKind, result, cancellationToken).ConfigureAwait(false);
        Results.Clear(result, jobKind);
        switch (result)
        {
            case ResultKind.Shuffled or ResultKind.Unshuffled or ResultKind.ProjectionsOriginal or ResultKind.ProjectionsAvatars:
                var token = result.FileNameToken()!;
                var byTable = urls
                    .Select(u => (Url: u, File: AvatarsApiClient.FileNameOf(u)))
                    .Select(u => (u.Url, u.File, Table: ResultTableNames.FromFileName(u.File, token)))
                    .Where(u => u.Table is not null)
                    .GroupBy(u => u.Table!, StringComparer.Ordinal);
                foreach (var group in byTable)
                {
                    var chunks = new List<byte[]>();
                    foreach (var chunk in group.OrderBy(u => ResultTableNames.ChunkIndex(u.File)))
                    {
                        chunks.Add(await DownloadAsync(jobKind, key, chunk.Url, cancellationToken).ConfigureAwait(false));
                    }

                    Results.SetResults(group.Key, ResultFileParser.ReadCsv(chunks, KnownTypes(group.Key), group.Key), result);
                }

                break;
            case ResultKind.Figures:
                var index = await GetFiguresMetadataAsync(jobKind, cancellationToken).ConfigureAwait(false);
                foreach (var url in urls)
                {
                    var fileName = AvatarsApiClient.FileNameOf(url);
                    var bytes = await DownloadAsync(jobKind, key, url, cancellationToken).ConfigureAwait(false);
                    if (ResultFileParser.Parse(fileName, bytes) is HtmlFigure figure
                        && (index.GetValueOrDefault(fileName) ?? FigureMetadataFromFileName(fileName)) is { } metadata)
                    {
                        Results.SetResults(ResultsOrganizer.GetTableName(result, fileName, figure, metadata)!, figure, result, metadata);
                    }
                }

                break;
            case ResultKind.Metadata:
                foreach (var url in urls.Take(1))
                {
                    var parsed = ResultFileParser.ParseJson(await DownloadAsync(jobKind, key, url, cancellationToken).ConfigureAwait(false));
                    if (parsed.Count > 0)
                    {
                        Results.SetResults(string.Empty, parsed, result, new JsonObject { ["kind"] = jobKind.ToWireValue() });
                    }
                }

                break;
            case ResultKind.Advice:
                foreach (var url in urls)
                {
                    var parsed = ResultFileParser.ParseJson(await DownloadAsync(jobKind, key, url, cancellationToken).ConfigureAwait(false));
                    foreach (var entry in parsed)
                    {
                        if (entry["table_name"]?.GetValue<string>() is { } table)
                        {
                            Results.SetResults(table, parsed, result);
                        }
                    }
                }

                break;
            default:
                foreach (var url in urls)
                {
                    var fileName = AvatarsApiClient.FileNameOf(url);
                    var parsed = ResultFileParser.Parse(fileName, await DownloadAsync(jobKind, key, url, cancellationToken).ConfigureAwait(false));
                    if (parsed is not null && ResultsOrganizer.GetTableName(result, fileName, parsed) is { } table)
                    {
                        Results.SetResults(table, parsed, result);
                    }
                }

                break;
        }

        _loaded.Add((jobKind, result));
    }

    /// <summary><c>figures_metadata.json</c> of a job, downloaded once and indexed by file name (fix of sdk.md §17 #6).</summary>
    private async Task<Dictionary<string, JsonObject>> GetFiguresMetadataAsync(JobKind jobKind, CancellationToken cancellationToken)
    {
        var name = RequireJob(jobKind).Name;
        if (_figuresMetadata.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var index = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var listing = await GetUrlListingAsync(jobKind, refresh: false, cancellationToken).ConfigureAwait(false);
        var key = ResultKind.FiguresMetadata.ToWireValue();
        foreach (var url in listing.Urls.GetValueOrDefault(key) ?? [])
        {
            foreach (var entry in ResultFileParser.ParseJson(await DownloadAsync(jobKind, key, url, cancellationToken).ConfigureAwait(false)))
            {
                if (entry["filename"]?.GetValue<string>() is { } file)
                {
                    index[file] = entry;
                }
            }
        }

        _figuresMetadata[name] = index;
        return index;
    }

    /// <summary>Fallback when a figure is missing from the metadata: <c>&lt;t&gt;.&lt;kind&gt;[-i].html</c>.</summary>
    private static JsonObject? FigureMetadataFromFileName(string fileName)
    {
        var stem = fileName.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? fileName[..^5] : fileName;
        var dash = stem.LastIndexOf('-');
        if (dash > stem.LastIndexOf('.') && stem[(dash + 1)..].All(char.IsAsciiDigit))
        {
            stem = stem[..dash];
        }

        var dot = stem.LastIndexOf('.');
        return dot <= 0
            ? null
            : new JsonObject { ["kind"] = stem[(dot + 1)..], ["filename"] = fileName, ["table_name"] = ResultTableNames.Unescape(stem[..dot]) };
    }

    /// <summary>The original's column types from the schema (declared by <see cref="AddTableAsync"/> for a <see cref="Table"/>), or null.</summary>
    private Dictionary<string, ColumnType>? KnownTypes(string tableName)
    {
        var columns = Config.GetTable(tableName)?.Columns;
        if (columns is null)
        {
            return null;
        }

        var types = new Dictionary<string, ColumnType>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (column.Type is { } type)
            {
                types[column.Field] = type;
            }
        }

        return types.Count == 0 ? null : types;
    }
}
