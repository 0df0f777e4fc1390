namespace Avatars.Client.Models;

/// <summary>Answer of <c>POST /api/api-keys</c>: the new key and its plaintext, shown once.</summary>
/// <param name="Key">The key's metadata.</param>
/// <param name="Plaintext">The key, for <see cref="Http.AvatarsClientOptions.ApiKey"/>.</param>
/// <param name="Message">Reminder that the plaintext is shown once.</param>
public sealed record CreatedApiKey(ApiKey Key, string Plaintext, string Message);
