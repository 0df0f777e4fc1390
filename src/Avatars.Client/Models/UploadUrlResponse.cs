namespace Avatars.Client.Models;

/// <summary>Answer of <c>POST /api/upload_url</c>.</summary>
/// <param name="Url">Signed PUT URL (send no <c>Authorization</c> header to it).</param>
/// <param name="Key">Storage key, <c>&lt;user_id&gt;/input/&lt;file_name&gt;</c> (informational).</param>
/// <param name="ExpiresAt">Expiry of the URL.</param>
public sealed record UploadUrlResponse(string Url, string Key, DateTimeOffset ExpiresAt);
