using Avatars.Server.Persistence;
using Avatars.Server.Persistence.Entities;
using Avatars.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Avatars.Server.Jobs;

/// <summary>
/// State transitions of the job queue in the database, shared by the endpoints, the scheduler, the executor and
/// recovery. Every transition is a conditional update (<c>WHERE status = …</c>) so concurrent processes never
/// overwrite each other: the one whose update affected the row won. All queries see every user's jobs.
/// </summary>
internal static class JobQueue
{
    private static readonly string Pending = JobStatus.Pending.ToWire();
    private static readonly string Running = JobStatus.Running.ToWire();
    private static readonly string Finished = JobStatus.Finished.ToWire();
    private static readonly string[] FailedStatuses = [JobStatus.Error.ToWire(), JobStatus.ParentError.ToWire(), JobStatus.Cancelled.ToWire()];

    /// <summary>The <c>exception</c> of a job whose parent failed.</summary>
    public static string ParentErrorMessage(Guid parent, string status) => $"parent job {parent:D} ended with status {status}";

    /// <summary>True for the parent statuses that make a child <c>parent_error</c>.</summary>
    public static bool IsFailed(string status) => FailedStatuses.Contains(status);

    /// <summary>
    /// Turns every pending job with a parent in error, parent_error or cancelled into <c>parent_error</c>, repeating
    /// until nothing changes (the status propagates transitively). Returns the number of jobs changed.
    /// </summary>
    public static async Task<int> PropagateParentErrorsAsync(AvatarsDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var total = 0;
        for (var round = 0; round < 1000; round++)
        {
            var edges = await (
                    from j in db.Jobs.IgnoreQueryFilters()
                    where j.Status == Pending
                    join d in db.JobDependencies on j.Name equals d.JobName
                    join p in db.Jobs.IgnoreQueryFilters() on d.ParentName equals p.Name
                    where FailedStatuses.Contains(p.Status)
                    select new { Child = j.Name, Parent = p.Name, p.Status, d.Position })
                .ToListAsync(cancellationToken);
            if (edges.Count == 0)
            {
                break;
            }

            foreach (var edge in edges.GroupBy(e => e.Child).Select(g => g.OrderBy(e => e.Position).First()))
            {
                var message = ParentErrorMessage(edge.Parent, edge.Status);
                total += await db.Jobs.IgnoreQueryFilters()
                    .Where(j => j.Name == edge.Child && j.Status == Pending)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(j => j.Status, JobStatus.ParentError.ToWire())
                            .SetProperty(j => j.Exception, message)
                            .SetProperty(j => j.FinishedAt, now),
                        cancellationToken);
            }
        }

        return total;
    }

    /// <summary>
    /// Claims the oldest pending job whose parents are all finished: sets it running under <paramref name="owner"/>'s
    /// lease. Null when nothing is eligible.
    /// </summary>
    public static async Task<JobEntity?> ClaimNextAsync(AvatarsDbContext db, string owner, DateTime now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var candidates = await db.Jobs.IgnoreQueryFilters()
            .Where(j => j.Status == Pending && !j.CancelRequested)
            .Where(j => !db.JobDependencies.Any(d => d.JobName == j.Name
                && !db.Jobs.IgnoreQueryFilters().Any(p => p.Name == d.ParentName && p.Status == Finished)))
            .OrderBy(j => j.CreatedAt).ThenBy(j => j.Name)
            .Select(j => j.Name)
            .Take(8)
            .ToListAsync(cancellationToken);
        var expires = now + lease;
        foreach (var name in candidates)
        {
            // Another process may have claimed (or someone cancelled) the job since the read: only one update wins.
            var claimed = await db.Jobs.IgnoreQueryFilters()
                .Where(j => j.Name == name && j.Status == Pending && !j.CancelRequested)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(j => j.Status, Running)
                        .SetProperty(j => j.StartedAt, now)
                        .SetProperty(j => j.Progress, 0.0)
                        .SetProperty(j => j.LeaseOwner, owner)
                        .SetProperty(j => j.LeaseExpiresAt, expires)
                        .SetProperty(j => j.Attempts, j => j.Attempts + 1),
                    cancellationToken);
            if (claimed == 1)
            {
                return await db.Jobs.IgnoreQueryFilters().AsNoTracking().Include(j => j.DependsOn)
                    .SingleAsync(j => j.Name == name, cancellationToken);
            }
        }

        return null;
    }

    /// <summary>The jobs running under <paramref name="owner"/>'s lease, for conditional updates.</summary>
    public static IQueryable<JobEntity> Owned(AvatarsDbContext db, Guid name, string owner) =>
        db.Jobs.IgnoreQueryFilters().Where(j => j.Name == name && j.Status == Running && j.LeaseOwner == owner);

    /// <summary>Deletes a job's result files and their index rows.</summary>
    public static async Task DeleteOutputsAsync(AvatarsDbContext db, IObjectStore storage, Guid userId, Guid name, CancellationToken cancellationToken)
    {
        await storage.DeletePrefixAsync(StorageKeys.ResultPrefix(userId, name), cancellationToken);
        await db.ResultFiles.IgnoreQueryFilters().Where(r => r.JobName == name).ExecuteDeleteAsync(cancellationToken);
    }
}
