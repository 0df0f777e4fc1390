using Avatars.Server.Persistence;
using Avatars.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Avatars.Server.Jobs;

/// <summary>
/// Handles jobs whose worker was lost (api.md §18.4): the first loss puts the job back to <c>pending</c>, the
/// second ends it in <c>error</c> "worker lost". A job is never left <c>running</c> without a live lease.
/// </summary>
internal static class JobRecovery
{
    /// <summary>The <c>exception</c> of a job lost twice.</summary>
    public const string WorkerLost = "worker lost";

    /// <summary>
    /// Recovers running jobs whose lease expired, or every running job when <paramref name="allRunning"/> (SQLite at
    /// start-up: a single instance by design, so whatever runs belongs to a dead process). Returns the count.
    /// </summary>
    public static async Task<int> RecoverAsync(AvatarsDbContext db, IObjectStore? storage, DateTime now, bool allRunning, ILogger logger, CancellationToken cancellationToken)
    {
        var running = JobStatus.Running.ToWire();
        var query = db.Jobs.IgnoreQueryFilters().AsNoTracking().Where(j => j.Status == running);
        if (!allRunning)
        {
            query = query.Where(j => j.LeaseExpiresAt == null || j.LeaseExpiresAt < now);
        }

        var lost = await query.ToListAsync(cancellationToken);
        var count = 0;
        foreach (var job in lost)
        {
            // Conditional on the lease observed: a worker that renewed meanwhile keeps its job.
            var observedOwner = job.LeaseOwner;
            var observedExpiry = job.LeaseExpiresAt;
            var same = db.Jobs.IgnoreQueryFilters()
                .Where(j => j.Name == job.Name && j.Status == running && j.LeaseOwner == observedOwner && j.LeaseExpiresAt == observedExpiry);
            int changed;
            if (job.Attempts < 2)
            {
                changed = await same.ExecuteUpdateAsync(
                    s => s.SetProperty(j => j.Status, JobStatus.Pending.ToWire())
                        .SetProperty(j => j.Progress, (double?)null)
                        .SetProperty(j => j.StartedAt, (DateTime?)null)
                        .SetProperty(j => j.LeaseOwner, (string?)null)
                        .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null),
                    cancellationToken);
                if (changed == 1)
                {
                    logger.LogWarning("Job {Job} lost its worker; queued again", job.Name);
                }
            }
            else
            {
                changed = await same.ExecuteUpdateAsync(
                    s => s.SetProperty(j => j.Status, JobStatus.Error.ToWire())
                        .SetProperty(j => j.Exception, WorkerLost)
                        .SetProperty(j => j.FinishedAt, now)
                        .SetProperty(j => j.LeaseOwner, (string?)null)
                        .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null),
                    cancellationToken);
                if (changed == 1)
                {
                    logger.LogWarning("Job {Job} lost its worker a second time; ended in error", job.Name);
                    if (storage is not null)
                    {
                        await JobQueue.DeleteOutputsAsync(db, storage, job.UserId, job.Name, cancellationToken);
                    }
                }
            }

            count += changed;
        }

        if (count > 0)
        {
            await JobQueue.PropagateParentErrorsAsync(db, now, cancellationToken);
        }

        await CleanUpAbandonedCancelsAsync(db, storage, now, allRunning, cancellationToken);
        return count;
    }

    /// <summary>
    /// A job cancelled while running keeps its lease until its worker has deleted what it wrote; when that worker died
    /// first, the clean-up happens here.
    /// </summary>
    private static async Task CleanUpAbandonedCancelsAsync(AvatarsDbContext db, IObjectStore? storage, DateTime now, bool allRunning, CancellationToken cancellationToken)
    {
        if (storage is null)
        {
            return;
        }

        var cancelled = JobStatus.Cancelled.ToWire();
        var query = db.Jobs.IgnoreQueryFilters().AsNoTracking().Where(j => j.Status == cancelled && j.LeaseOwner != null);
        if (!allRunning)
        {
            query = query.Where(j => j.LeaseExpiresAt == null || j.LeaseExpiresAt < now);
        }

        foreach (var job in await query.Select(j => new { j.Name, j.UserId, j.LeaseOwner }).ToListAsync(cancellationToken))
        {
            await JobQueue.DeleteOutputsAsync(db, storage, job.UserId, job.Name, cancellationToken);
            await db.Jobs.IgnoreQueryFilters()
                .Where(j => j.Name == job.Name && j.LeaseOwner == job.LeaseOwner)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseExpiresAt, (DateTime?)null), cancellationToken);
        }
    }
}
