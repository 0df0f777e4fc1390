using Avatars.Client.Http;
using Avatars.Data;

namespace Avatars.Client;

/// <summary>
/// Downloads one signed result URL and parses it by the extension of its file name (Python <c>FileDownloader</c>,
/// sdk.md §6.2). The file name is the last path segment of the URL, query removed, percent-decoded.
/// </summary>
public sealed class ResultFileDownloader
{
    private readonly IAvatarsApiClient _client;

    /// <summary>Creates a downloader.</summary>
    /// <param name="client">The API client (signed URLs are fetched without credentials).</param>
    public ResultFileDownloader(IAvatarsApiClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <summary>
    /// Downloads and parses a result file (<see cref="ResultFileParser.Parse"/>). A <c>.pdf</c> is written to
    /// <paramref name="path"/> and the vendor's message <c>Report saved successfully {path}</c> is returned.
    /// </summary>
    /// <param name="url">The signed URL.</param>
    /// <param name="path">Destination of a PDF; required for <c>.pdf</c>, ignored otherwise.</param>
    /// <param name="types">Column types applied to a CSV, or null to infer them.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The parsed value (see <see cref="ResultFileParser"/>), the PDF message, or null.</returns>
    /// <exception cref="InvalidOperationException">A PDF without <paramref name="path"/>.</exception>
    /// <exception cref="AvatarsApiException">The download failed (403/404 for an expired or unknown URL).</exception>
    public async Task<object?> DownloadFileAsync(
        string url, string? path = null, IReadOnlyDictionary<string, ColumnType>? types = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var fileName = AvatarsApiClient.FileNameOf(url);
        if (ResultFileParser.Extension(fileName) == ".pdf" && path is null)
        {
            throw new InvalidOperationException(ResultFileParser.PdfWithoutPathMessage);
        }

        var bytes = await _client.DownloadFileAsync(url, cancellationToken).ConfigureAwait(false);
        if (ResultFileParser.Extension(fileName) == ".pdf")
        {
            await File.WriteAllBytesAsync(path!, bytes, cancellationToken).ConfigureAwait(false);
            return $"Report saved successfully {path}";
        }

        return ResultFileParser.Parse(fileName, bytes, types);
    }
}
