namespace Avatars.Server.Storage;

/// <summary>Answer of <c>POST /api/upload_url</c>: one PUT URL for one key (api.md §16.2).</summary>
/// <param name="Url">Pre-signed URL allowing one <c>PUT</c> of the raw bytes.</param>
/// <param name="Key">The storage key, <c>{user_id}/input/{file_name}</c>.</param>
/// <param name="ExpiresAt">End of validity (UTC).</param>
internal sealed record UploadUrlResponse(string Url, string Key, DateTime ExpiresAt);
