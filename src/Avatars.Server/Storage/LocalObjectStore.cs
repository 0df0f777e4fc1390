using System.Globalization;
using System.Runtime.CompilerServices;

namespace Avatars.Server.Storage;

/// <summary>
/// The <c>local</c> backend (api.md §16.3): one file per key under <see cref="Root"/>, each key segment a folder or
/// file name percent-encoded by <see cref="StorageKeyEncoding.EncodeFileSegment"/>. Writes go to a temporary file
/// (name starting with <c>.</c>, which no encoded segment does) in the target folder, then are renamed over the
/// target. URLs point at the API's own <c>/api/storage/…</c> endpoints, signed by <see cref="StorageUrlSigner"/>.
/// </summary>
internal sealed class LocalObjectStore : IObjectStore
{
    /// <summary>Name prefix of temporary files (a leading <c>.</c> never starts an encoded segment).</summary>
    public const string TemporaryFilePrefix = ".tmp-";

    private const int BufferSize = 81920;
    private const int MaxFileNameBytes = 255;

    private readonly StorageUrlSigner signer;
    private readonly string rootWithSeparator;

    /// <summary>Creates the store over <paramref name="root"/> (made a full path; created by <see cref="EnsureRoot"/>).</summary>
    public LocalObjectStore(string root, StorageUrlSigner signer)
    {
        this.signer = signer;
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        rootWithSeparator = Root + Path.DirectorySeparatorChar;
    }

    /// <summary>The storage root as a full path, without a trailing separator.</summary>
    public string Root { get; }

    /// <summary>Creates the root folder (owner-only on Unix when new).</summary>
    public void EnsureRoot()
    {
        if (!Directory.Exists(Root))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(Root);
            }
            else
            {
                Directory.CreateDirectory(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    /// <summary>
    /// The file of a key: each segment encoded, the result checked to lie under the root. Throws
    /// <see cref="StorageKeyException"/> for an empty, <c>.</c> or <c>..</c> segment or a segment too long once encoded.
    /// </summary>
    public string PathFor(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var segments = key.Split('/');
        var encoded = new string[segments.Length];
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Length == 0 || segment is "." or "..")
            {
                throw new StorageKeyException("the key has an empty, '.' or '..' segment");
            }

            encoded[i] = StorageKeyEncoding.EncodeFileSegment(segment);
            if (encoded[i].Length > MaxFileNameBytes)
            {
                throw new StorageKeyException($"a segment of the file name is too long for the local storage once encoded ({encoded[i].Length} of at most {MaxFileNameBytes} characters); use shorter names or plain ASCII");
            }
        }

        var path = Path.GetFullPath(Path.Join(Root, Path.Join(encoded)));
        if (!path.StartsWith(rootWithSeparator, StringComparison.Ordinal))
        {
            throw new StorageKeyException("the key leaves the storage root");
        }

        return path;
    }

    /// <inheritdoc />
    public Task<StoredObjectInfo?> GetInfoAsync(string key, CancellationToken cancellationToken)
    {
        var file = new FileInfo(PathFor(key));
        return Task.FromResult(file.Exists ? InfoOf(key, file) : null);
    }

    /// <inheritdoc />
    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        try
        {
            return Task.FromResult<Stream>(OpenRead(path));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new StorageObjectNotFoundException(key);
        }
    }

    /// <summary>Opens an object with its current size and time; null when it does not exist.</summary>
    public (FileStream Stream, StoredObjectInfo Info)? TryOpenRead(string key)
    {
        var path = PathFor(key);
        FileStream stream;
        try
        {
            stream = OpenRead(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return null;
        }

        try
        {
            var info = new StoredObjectInfo(key, stream.Length, new DateTimeOffset(File.GetLastWriteTimeUtc(stream.SafeFileHandle), TimeSpan.Zero), null);
            return (stream, info with { ETag = ETagOf(info) });
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<StoredObjectInfo> WriteAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathFor(key);
        var folder = Path.GetDirectoryName(path)!;
        var temporary = Path.Join(folder, TemporaryFilePrefix + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var output = CreateTemporaryFile(folder, temporary))
            {
                await content.CopyToAsync(output, BufferSize, cancellationToken);
                await output.FlushAsync(cancellationToken);
                output.Flush(flushToDisk: true);
            }

            if (Directory.Exists(path))
            {
                throw new StorageKeyException("the file name is already a folder");
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDeleteFile(temporary);
            throw;
        }

        return InfoOf(key, new FileInfo(path));
    }

    /// <inheritdoc />
    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            return Task.CompletedTask;
        }

        RemoveEmptyFolders(Path.GetDirectoryName(path)!);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        var folder = FolderFor(prefix, allowRoot: false);
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            return Task.CompletedTask;
        }

        RemoveEmptyFolders(Path.GetDirectoryName(folder)!);

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var folderPrefix = prefix[..(prefix.LastIndexOf('/') + 1)];
        var folder = FolderFor(folderPrefix, allowRoot: true);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        var enumeration = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            ReturnSpecialDirectories = false,
        };
        foreach (var path in Directory.EnumerateFiles(folder, "*", enumeration))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = KeyFor(path);
            if (key is null || !key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var file = new FileInfo(path);
            if (file.Exists)
            {
                yield return InfoOf(key, file);
            }
        }

        await Task.CompletedTask;
    }

    /// <summary>
    /// Deletes temporary files (interrupted uploads) last written before <paramref name="olderThan"/>; returns how many.
    /// For the retention sweep (api.md §20).
    /// </summary>
    public int DeleteStaleTemporaryFiles(DateTimeOffset olderThan)
    {
        if (!Directory.Exists(Root))
        {
            return 0;
        }

        var count = 0;
        var enumeration = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var path in Directory.EnumerateFiles(Root, TemporaryFilePrefix + "*", enumeration))
        {
            if (File.GetLastWriteTimeUtc(path) < olderThan.UtcDateTime && TryDeleteFile(path))
            {
                count++;
            }
        }

        return count;
    }

    /// <inheritdoc />
    public Uri CreateSignedUrl(string key, SignedUrlMethod method, DateTimeOffset expiresAt, Uri publicBaseUrl, string? downloadFileName = null)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        PathFor(key);
        var expires = expiresAt.ToUnixTimeSeconds();
        var signature = signer.Sign(method, key, expires);
        var baseText = publicBaseUrl.AbsoluteUri.TrimEnd('/');
        return new Uri(
            $"{baseText}/api/storage/{StorageKeyEncoding.EncodeUrlPath(key)}?expires={expires.ToString(CultureInfo.InvariantCulture)}&signature={signature}",
            UriKind.Absolute);
    }

    /// <summary>The entity tag of a local object: its write time and size (quoted).</summary>
    public static string ETagOf(StoredObjectInfo info) =>
        $"\"{info.LastModified.UtcTicks.ToString("x", CultureInfo.InvariantCulture)}-{info.Size.ToString("x", CultureInfo.InvariantCulture)}\"";

    private FileStream CreateTemporaryFile(string folder, string temporary)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (IOException) when (AnyAncestorIsFile(folder))
            {
                throw new StorageKeyException("a folder of the file name is already a file");
            }

            try
            {
                return new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
            }
            catch (DirectoryNotFoundException) when (attempt < 3)
            {
                // A concurrent delete removed the (empty) folder just created: create it again.
            }
        }
    }

    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);

    private static StoredObjectInfo InfoOf(string key, FileInfo file)
    {
        var info = new StoredObjectInfo(key, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero), null);
        return info with { ETag = ETagOf(info) };
    }

    private string FolderFor(string prefix, bool allowRoot)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length == 0 && allowRoot)
        {
            return Root;
        }

        if (!prefix.EndsWith('/') || prefix.Length == 1)
        {
            throw new ArgumentException("a prefix is one or more key segments followed by '/'", nameof(prefix));
        }

        return PathFor(prefix[..^1]);
    }

    private string? KeyFor(string path)
    {
        if (!path.StartsWith(rootWithSeparator, StringComparison.Ordinal))
        {
            return null;
        }

        var segments = path[rootWithSeparator.Length..].Split(Path.DirectorySeparatorChar);
        var decoded = new string[segments.Length];
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Length == 0 || segments[i][0] == '.')
            {
                return null; // temporary files and anything not written by this store
            }

            var segment = StorageKeyEncoding.TryDecode(segments[i]);
            if (segment is null || StorageKeyEncoding.EncodeFileSegment(segment) != segments[i])
            {
                return null;
            }

            decoded[i] = segment;
        }

        return string.Join('/', decoded);
    }

    private void RemoveEmptyFolders(string folder)
    {
        while (folder.StartsWith(rootWithSeparator, StringComparison.Ordinal))
        {
            try
            {
                Directory.Delete(folder, recursive: false);
            }
            catch (IOException)
            {
                return; // not empty (or already gone): stop climbing
            }
            catch (UnauthorizedAccessException)
            {
                return;
            }

            folder = Path.GetDirectoryName(folder)!;
        }
    }

    private bool AnyAncestorIsFile(string folder)
    {
        for (var current = folder; current.StartsWith(rootWithSeparator, StringComparison.Ordinal); current = Path.GetDirectoryName(current)!)
        {
            if (File.Exists(current))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryDeleteFile(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
