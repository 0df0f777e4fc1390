namespace Avatars.Server.Storage;

/// <summary>The <c>Content-Type</c> of downloads, by file extension (api.md §16.3).</summary>
internal static class StorageContentTypes
{
    /// <summary>The content type of a key or file name.</summary>
    public static string For(string keyOrFileName) => Path.GetExtension(keyOrFileName).ToLowerInvariant() switch
    {
        ".csv" => "text/csv; charset=utf-8",
        ".json" => "application/json",
        ".html" => "text/html; charset=utf-8",
        ".pdf" => "application/pdf",
        _ => "application/octet-stream",
    };

    /// <summary>The last segment of a key: the file name of a download.</summary>
    public static string FileNameOf(string key) => key[(key.LastIndexOf('/') + 1)..];
}
