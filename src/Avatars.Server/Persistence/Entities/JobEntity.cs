namespace Avatars.Server.Persistence.Entities;

/// <summary>A job (api.md §18): its state, lease and outcome.</summary>
public sealed class JobEntity
{
    /// <summary>Random UUID (the job's <c>name</c>).</summary>
    public Guid Name { get; set; }

    /// <summary>Owner.</summary>
    public Guid UserId { get; set; }

    /// <summary>The resource set version the job runs.</summary>
    public Guid SetName { get; set; }

    /// <summary>Copied from the set for listing and filtering.</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The parameters document (<c>metadata.name</c>) the job runs.</summary>
    public string ParametersName { get; set; } = string.Empty;

    /// <summary>Wire name of <see cref="Jobs.JobKind"/>.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>Wire name of <see cref="Jobs.JobStatus"/>.</summary>
    public string Status { get; set; } = string.Empty;

    /// <summary>Null while pending, then 0–1.</summary>
    public double? Progress { get; set; }

    /// <summary>User-readable error; empty without error.</summary>
    public string Exception { get; set; } = string.Empty;

    /// <summary>Creation time (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When a worker started it.</summary>
    public DateTime? StartedAt { get; set; }

    /// <summary>When it ended.</summary>
    public DateTime? FinishedAt { get; set; }

    /// <summary>Set by DELETE /api/jobs/{name}; the worker notices at its next heartbeat.</summary>
    public bool CancelRequested { get; set; }

    /// <summary>The worker instance holding the lease, while running.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>The lease ends here unless renewed.</summary>
    public DateTime? LeaseExpiresAt { get; set; }

    /// <summary>Times a worker started it (a lost worker re-queues it once).</summary>
    public int Attempts { get; set; }

    /// <summary>The seed used (recorded in run metadata).</summary>
    public long? Seed { get; set; }

    /// <summary>Results deleted by retention.</summary>
    public bool ResultsExpired { get; set; }

    /// <summary>Parents, in the order given.</summary>
    public List<JobDependencyEntity> DependsOn { get; set; } = [];
}
