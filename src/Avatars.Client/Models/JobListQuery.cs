namespace Avatars.Client.Models;

/// <summary>Filters and paging of <c>GET /api/jobs</c>; null members are not sent.</summary>
public sealed record JobListQuery
{
    /// <summary>Only these kinds.</summary>
    public IReadOnlyList<JobKind>? Kinds { get; init; }

    /// <summary>Only these statuses.</summary>
    public IReadOnlyList<JobStatus>? Statuses { get; init; }

    /// <summary>Only jobs of this resource set version.</summary>
    public string? SetName { get; init; }

    /// <summary>Only jobs of sets with this display name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Page size (server default 100, max 1000).</summary>
    public int? Limit { get; init; }

    /// <summary>The <see cref="JobListResponse.NextCursor"/> of the previous page.</summary>
    public string? Cursor { get; init; }

    /// <summary>Newest first when true (server default: oldest first).</summary>
    public bool? Descending { get; init; }
}
