namespace Avatars.Server.Persistence.Entities;

/// <summary>An API key (api.md §13): only its prefix and SHA-256 are stored.</summary>
public sealed class ApiKeyEntity
{
    /// <summary>Random UUID.</summary>
    public Guid Id { get; set; }

    /// <summary>Owner.</summary>
    public Guid UserId { get; set; }

    /// <summary>Display name, 1–255 characters.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>First 12 characters of the key, for display and lookup.</summary>
    public string Prefix { get; set; } = string.Empty;

    /// <summary>SHA-256 of the whole key.</summary>
    public byte[] Hash { get; set; } = [];

    /// <summary>Creation time (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Expiry (UTC).</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>Revocation time; null while active.</summary>
    public DateTime? RevokedAt { get; set; }

    /// <summary>Last use, updated at most once a minute.</summary>
    public DateTime? LastUsedAt { get; set; }
}
