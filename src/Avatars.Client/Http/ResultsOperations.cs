using Avatars.Client.Models;
using G = Avatars.Client.Generated;

namespace Avatars.Client.Http;

/// <summary>Operation group <c>results</c>: result URLs and upload URLs.</summary>
public sealed class ResultsOperations
{
    private readonly G.ResultsClient _results;
    private readonly G.StorageClient _storage;

    internal ResultsOperations(G.ResultsClient results, G.StorageClient storage)
    {
        _results = results;
        _storage = storage;
    }

    /// <summary><c>GET /results/{job_name}</c>: fresh signed GET URLs per result key (409 <c>job_not_finished</c>, 410 <c>gone</c>).</summary>
    /// <param name="jobName">A finished job.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>Result key → signed URLs.</returns>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetResultsAsync(string jobName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobName);
        return (await _results.Get_resultsAsync(jobName, cancellationToken).ConfigureAwait(false)).ToModel();
    }

    /// <summary><c>POST /upload_url {file_name, size}</c>: a signed PUT URL for one file of the caller's upload area.</summary>
    /// <param name="fileName">The file name the YAML refers to (<c>/</c> makes sub-folders).</param>
    /// <param name="size">Size in bytes (checked against the upload limit), or null.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The URL, key and expiry.</returns>
    public async Task<UploadUrlResponse> GetUploadUrlAsync(string fileName, long? size = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var body = new G.UploadUrlRequest { File_name = fileName, Size = size };
        return (await _storage.Create_upload_urlAsync(body, cancellationToken).ConfigureAwait(false)).ToModel();
    }
}
