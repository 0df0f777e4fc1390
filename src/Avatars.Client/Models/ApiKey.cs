namespace Avatars.Client.Models;

/// <summary>An API key's metadata (never the key itself).</summary>
/// <param name="Id">Key id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Prefix">First 12 characters of the key.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="ExpiresAt">Expiry.</param>
/// <param name="RevokedAt">Revocation time or null.</param>
/// <param name="LastUsedAt">Last use (to the minute) or null.</param>
public sealed record ApiKey(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);
