namespace Avatars.Server.Jobs;

/// <summary>Filters and paging of <c>GET /api/jobs</c> as received (validated by <see cref="JobService"/>).</summary>
internal sealed record JobListQuery
{
    /// <summary>Wire kinds; any matches.</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];

    /// <summary>Wire statuses; any matches.</summary>
    public IReadOnlyList<string> Statuses { get; init; } = [];

    /// <summary>Only jobs of this set version.</summary>
    public string? SetName { get; init; }

    /// <summary>Only jobs of sets with this display name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Page size (default 100, 1–1000).</summary>
    public int? Limit { get; init; }

    /// <summary>Opaque cursor from a previous page.</summary>
    public string? Cursor { get; init; }

    /// <summary><c>asc</c> (default) or <c>desc</c> by creation time.</summary>
    public string? Order { get; init; }

    /// <summary>Admins only: every user's jobs.</summary>
    public bool AllUsers { get; init; }
}
