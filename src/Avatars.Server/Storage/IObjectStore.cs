namespace Avatars.Server.Storage;

/// <summary>
/// Object storage behind one interface (api.md §16): <c>local</c> (files under the data directory, URLs served by
/// the API) or <c>s3</c> (any S3-compatible service, SigV4 pre-signed URLs). Keys are storage keys
/// (<see cref="StorageKeys"/>) already validated; content is streamed, never held whole in memory.
/// </summary>
public interface IObjectStore
{
    /// <summary>Size and modification time of an object; null when it does not exist.</summary>
    Task<StoredObjectInfo?> GetInfoAsync(string key, CancellationToken cancellationToken);

    /// <summary>Opens an object for reading; <see cref="StorageObjectNotFoundException"/> when it does not exist.</summary>
    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Writes (or replaces) an object from a stream, atomically: readers see the old or the new object, never a part.</summary>
    Task<StoredObjectInfo> WriteAsync(string key, Stream content, CancellationToken cancellationToken);

    /// <summary>Deletes an object; no error when it does not exist.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes every object whose key starts with <paramref name="prefix"/> (which ends with <c>/</c>).</summary>
    Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Lists the objects whose key starts with <paramref name="prefix"/>.</summary>
    IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>
    /// A URL allowing one HTTP method on one key until <paramref name="expiresAt"/>, without credentials.
    /// </summary>
    /// <param name="key">The storage key.</param>
    /// <param name="method">PUT for uploads, GET (HEAD included) for downloads.</param>
    /// <param name="expiresAt">End of validity (at most 7 days ahead).</param>
    /// <param name="publicBaseUrl">The server's public origin plus proxy prefix, without <c>/api</c> (local backend URLs point there).</param>
    /// <param name="downloadFileName">For GET: the file name of the <c>Content-Disposition</c> attachment.</param>
    Uri CreateSignedUrl(string key, SignedUrlMethod method, DateTimeOffset expiresAt, Uri publicBaseUrl, string? downloadFileName = null);
}

/// <summary>The HTTP method a signed URL allows.</summary>
public enum SignedUrlMethod
{
    /// <summary>Download (GET and HEAD).</summary>
    Get,

    /// <summary>Upload.</summary>
    Put,
}

/// <summary>What the store knows of an object.</summary>
/// <param name="Key">The storage key.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="LastModified">Last write (UTC).</param>
/// <param name="ETag">Entity tag, when the backend has one.</param>
public sealed record StoredObjectInfo(string Key, long Size, DateTimeOffset LastModified, string? ETag);

/// <summary>The object does not exist (or was removed by retention).</summary>
public sealed class StorageObjectNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StorageObjectNotFoundException()
        : base("object not found")
    {
    }

    /// <summary>Creates the exception for a key.</summary>
    public StorageObjectNotFoundException(string key)
        : base($"object '{key}' not found") => Key = key;

    /// <summary>Creates the exception.</summary>
    public StorageObjectNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The missing key.</summary>
    public string? Key { get; }
}
