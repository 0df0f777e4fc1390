namespace Avatars.Server.Persistence.Entities;

/// <summary>An issued refresh token (by its <c>jti</c>); each is accepted once (rotation, api.md §12.1).</summary>
public sealed class RefreshTokenEntity
{
    /// <summary>The token's <c>jti</c>.</summary>
    public Guid Id { get; set; }

    /// <summary>Owner.</summary>
    public Guid UserId { get; set; }

    /// <summary>All tokens descending from one login share this id; reuse of a spent token revokes the family.</summary>
    public Guid FamilyId { get; set; }

    /// <summary>Issue time (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Expiry (UTC).</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>The family ends at this time (login + absolute lifetime).</summary>
    public DateTime FamilyExpiresAt { get; set; }

    /// <summary>When it was exchanged for a new pair; null while unused.</summary>
    public DateTime? UsedAt { get; set; }

    /// <summary>When it was revoked; null while valid.</summary>
    public DateTime? RevokedAt { get; set; }
}
