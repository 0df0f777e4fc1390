namespace Avatars.Server.Storage;

/// <summary>Body of <c>POST /api/upload_url</c>: <c>{"file_name": "iris.csv", "size": 4551}</c> (api.md §16.2).</summary>
/// <param name="FileName">Relative file name in the caller's upload area (§16.1).</param>
/// <param name="Size">Declared size in bytes (optional); above <c>Limits:MaxUploadBytes</c> → 413 at once.</param>
internal sealed record UploadUrlRequest(string? FileName, long? Size = null);
