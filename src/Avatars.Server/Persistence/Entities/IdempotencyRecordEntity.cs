namespace Avatars.Server.Persistence.Entities;

/// <summary>An <c>Idempotency-Key</c> seen on POST /api/jobs, kept 24 hours per user (api.md §18.2).</summary>
public sealed class IdempotencyRecordEntity
{
    /// <summary>Owner.</summary>
    public Guid UserId { get; set; }

    /// <summary>The client's key.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>SHA-256 (hex) of the request body.</summary>
    public string RequestHash { get; set; } = string.Empty;

    /// <summary>The job created; null while the first request is still being processed.</summary>
    public Guid? JobName { get; set; }

    /// <summary>First seen (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
