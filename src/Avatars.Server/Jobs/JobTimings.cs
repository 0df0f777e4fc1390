namespace Avatars.Server.Jobs;

/// <summary>
/// Intervals of the job system. Production uses the defaults of api.md §18.4; tests register a shorter instance
/// before <c>AddAvatarsJobs</c> so leases, heartbeats and polls run in milliseconds.
/// </summary>
internal sealed class JobTimings
{
    /// <summary>A claimed job belongs to its worker until this long after the last renewal.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a worker renews its lease and reads the cancel flag.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>At most one progress write per interval (≤ 2 writes/s by default).</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The scheduler looks for work at least this often (jobs created by other processes).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Delay before the first retention sweep after start-up.</summary>
    public TimeSpan FirstSweepDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Interval of the retention sweep.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long an <c>Idempotency-Key</c> is remembered.</summary>
    public TimeSpan IdempotencyLifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The <c>Retry-After</c> of the active-job limit.</summary>
    public int ActiveLimitRetryAfterSeconds { get; init; } = 30;
}
